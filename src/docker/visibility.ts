/**
 * Which containers and images the study group may see on the shared host.
 *
 * - No rule configured: everything (a dedicated study host).
 * - DOCKHAND_VISIBLE_LABEL `key` or `key=value`: containers carrying that label.
 * - DOCKHAND_VISIBLE_NAMES `web-*,study-?`: containers whose name matches a glob (`*`, `?`).
 * With both, either one makes a container visible. An image is visible when it carries the
 * label, its repository matches a name pattern, or a visible container runs it.
 */
export interface VisibilityRule {
  label?: string | undefined;
  names?: string[] | undefined;
}

export interface Labelled {
  name: string;
  labels: Record<string, string>;
}

export class Visibility {
  private readonly labelKey: string | undefined;
  private readonly labelValue: string | undefined;
  private readonly patterns: RegExp[];

  constructor(rule: VisibilityRule = {}) {
    if (rule.label) {
      const eq = rule.label.indexOf('=');
      this.labelKey = eq < 0 ? rule.label : rule.label.slice(0, eq);
      this.labelValue = eq < 0 ? undefined : rule.label.slice(eq + 1);
    }
    this.patterns = (rule.names ?? []).map(globToRegExp);
  }

  /** True when a rule limits what is visible. */
  get restricted(): boolean {
    return this.labelKey !== undefined || this.patterns.length > 0;
  }

  container(container: Labelled): boolean {
    if (!this.restricted) return true;
    return this.hasLabel(container.labels) || this.matchesName(container.name.replace(/^\//, ''));
  }

  /** `usedByVisible`: a visible container runs this image. */
  image(image: { repositories: string[]; labels: Record<string, string> }, usedByVisible: boolean): boolean {
    if (!this.restricted || usedByVisible) return true;
    return this.hasLabel(image.labels) || image.repositories.some((repo) => this.matchesName(repo));
  }

  private hasLabel(labels: Record<string, string>): boolean {
    if (this.labelKey === undefined || !(this.labelKey in labels)) return false;
    return this.labelValue === undefined || labels[this.labelKey] === this.labelValue;
  }

  private matchesName(name: string): boolean {
    return this.patterns.some((pattern) => pattern.test(name));
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
