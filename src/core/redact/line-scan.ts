import { REDACTED, type SecretKind } from './kinds.ts';

/** Characters examined by the scanners: the linearity tests and the bench read it. */
export interface Work {
  steps: number;
}

/**
 * One line under scan: the detectors mark ranges to hide, then `apply` replaces each run of
 * hidden characters by one [REDACTED]. Detectors all read the same original line, so one
 * cannot be confused by another's replacement, and overlapping finds merge.
 */
export class LineScan {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(
    readonly line: string,
    readonly kinds: Set<SecretKind>,
    readonly work: Work,
    /** The secret key names whose values were hidden (the secrets-in-env finding names them). */
    readonly names = new Set<string>(),
  ) {}

  hide(start: number, end: number, kind: SecretKind): void {
    if (end <= start) return;
    this.starts.push(start);
    this.ends.push(end);
    this.kinds.add(kind);
  }

  get found(): boolean {
    return this.starts.length > 0;
  }

  apply(): string {
    const { line } = this;
    if (this.starts.length === 0) return line;
    // Coverage counts (+1 where a range starts, -1 where it ends): one pass, no sort.
    const delta = new Int32Array(line.length + 1);
    for (let i = 0; i < this.starts.length; i++) {
      const start = this.starts[i] ?? 0;
      const end = this.ends[i] ?? 0;
      delta[start] = (delta[start] ?? 0) + 1;
      delta[end] = (delta[end] ?? 0) - 1;
    }
    let out = '';
    let depth = 0;
    let keptFrom = 0;
    for (let i = 0; i <= line.length; i++) {
      const before = depth;
      depth += delta[i] ?? 0;
      if (before === 0 && depth > 0) {
        out += line.slice(keptFrom, i) + REDACTED;
      } else if (before > 0 && depth === 0) {
        keptFrom = i;
      }
    }
    this.work.steps += line.length;
    return depth > 0 ? out : out + line.slice(keptFrom);
  }
}
