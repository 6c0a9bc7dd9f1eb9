import { REDACTED, type SecretKind } from './kinds.ts';

/** Characters examined by the scanners: the linearity tests and the bench read it. */
export interface Work {
  steps: number;
}

/**
 * One line under scan: the detectors mark ranges to hide, then `apply` replaces each run of
 * hidden characters by one [REDACTED]. Detectors all read the same original line, so one
 * cannot be confused by another's replacement, and overlapping finds merge.
 *
 * Ranges are counted into one shared buffer (+1 where a range starts, −1 where it ends), so
 * marking costs no allocation and `apply` needs no sort; `apply` leaves the buffer zeroed.
 * Lines are scanned one at a time, each applied before the next starts.
 */
export class LineScan {
  private coverage: Int32Array | undefined;

  constructor(
    readonly line: string,
    readonly kinds: Set<SecretKind>,
    readonly work: Work,
    /** The secret key names whose values were hidden (the secrets-in-env finding names them). */
    readonly names = new Set<string>(),
  ) {}

  hide(start: number, end: number, kind: SecretKind): void {
    if (end <= start) return;
    const coverage = (this.coverage ??= claimCoverage(this.line.length + 1));
    coverage[start] = (coverage[start] ?? 0) + 1;
    coverage[end] = (coverage[end] ?? 0) - 1;
    this.kinds.add(kind);
  }

  apply(): string {
    const { line, coverage } = this;
    if (!coverage) return line;
    let out = '';
    let depth = 0;
    let keptFrom = 0;
    for (let i = 0; i <= line.length; i++) {
      const before = depth;
      depth += coverage[i] ?? 0;
      coverage[i] = 0;
      if (before === 0 && depth > 0) out += line.slice(keptFrom, i) + REDACTED;
      else if (before > 0 && depth === 0) keptFrom = i;
    }
    this.coverage = undefined;
    claimed = false;
    this.work.steps += line.length;
    return out + line.slice(keptFrom);
  }
}

let shared = new Int32Array(1024);
let claimed = false;

function claimCoverage(size: number): Int32Array {
  // A scan that ended without apply (an exception) left counts behind: start clean.
  if (claimed) shared.fill(0);
  claimed = true;
  if (shared.length < size) shared = new Int32Array(Math.max(size, shared.length * 2));
  return shared;
}
