import { posix } from 'node:path';
import { parseConf, type ConfProblem, type Directive } from './conf-parser.ts';

/** nginx's configuration files as read from a container: absolute path → text. */
export type ConfFiles = ReadonlyMap<string, string>;

export const MAIN_CONF = '/etc/nginx/nginx.conf';

/** An `include` that named nothing nginx could open (a plain path that is missing, or outside what was read). */
export interface UnresolvedInclude {
  directive: Directive;
  pattern: string;
}

/** The configuration nginx would load: nginx.conf with every `include` replaced by what it includes. */
export interface ConfTree {
  main: string;
  /** Directives of the main file, includes expanded in place (each keeps its own file and line). */
  directives: Directive[];
  /** Files nginx reads, in the order it reads them (the main file first). */
  included: string[];
  unresolved: UnresolvedInclude[];
  problems: ConfProblem[];
  /** The `include` directive that pulled each file in (absent for the main file). */
  includedBy: ReadonlyMap<string, Directive>;
}

const MAX_INCLUDE_DEPTH = 10;

/**
 * Expands `include` directives against the files that were read, as nginx does at start:
 * a relative path is relative to the main file's folder (the configuration prefix), a
 * pattern with `*`, `?` or `[` matches files in byte order and may match nothing, a plain
 * path must exist. Cycles and very deep nesting stop quietly (nginx would fail on them too).
 */
export function loadConfTree(files: ConfFiles, main = MAIN_CONF): ConfTree {
  const prefix = posix.dirname(main);
  const included: string[] = [];
  const includedBy = new Map<string, Directive>();
  const unresolved: UnresolvedInclude[] = [];
  const problems: ConfProblem[] = [];
  const paths = [...files.keys()].sort(byteOrder);

  const expand = (file: string, stack: string[]): Directive[] => {
    const text = files.get(file);
    if (text === undefined) return [];
    included.push(file);
    const parsed = parseConf(text, file);
    problems.push(...parsed.problems);
    const inline = (directives: Directive[]): Directive[] =>
      directives.flatMap((directive): Directive[] => {
        if (directive.name === 'include' && !directive.block) {
          const pattern = directive.args[0];
          if (pattern === undefined) return [directive];
          const absolute = posix.resolve(prefix, pattern);
          const matches = isGlob(absolute) ? paths.filter((p) => globMatches(absolute, p)) : [absolute];
          const found = matches.filter((p) => files.has(p));
          if (found.length === 0 && !isGlob(absolute)) unresolved.push({ directive, pattern });
          const expanded = found.flatMap((target) => {
            if (stack.includes(target) || stack.length >= MAX_INCLUDE_DEPTH) return [];
            if (!includedBy.has(target)) includedBy.set(target, directive);
            return expand(target, [...stack, target]);
          });
          return [directive, ...expanded];
        }
        return directive.block ? [{ ...directive, block: inline(directive.block) }] : [directive];
      });
    return inline(parsed.directives);
  };

  const directives = files.has(main) ? expand(main, [main]) : [];
  return { main, directives, included, unresolved, problems, includedBy };
}

function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** glob(3) matching of one absolute path: `*` and `?` never cross a `/`. */
export function globMatches(pattern: string, path: string): boolean {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) source += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        source += `[${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`${source}$`).test(path) && !posix.basename(path).startsWith('.');
  } catch {
    return false;
  }
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
