import type { Translate } from '../core/locale.ts';
import type { ContainerFacts } from './facts.ts';
import type { Finding } from './finding.ts';

/**
 * A finding before its knowledge references are resolved. `refHints` name the sections
 * that explain it best, as `<playbook>#<anchor>` or `#<anchor>`; only hints that exist in
 * the loaded knowledge become refs (see refs.ts).
 */
export interface DraftFinding extends Omit<Finding, 'refs'> {
  refHints: string[];
  /** The container ports (`80/tcp`) it is about, so findings of one cause can be told apart (same-cause.ts). */
  ports?: string[];
}

/** One family of checks: pure, from facts to findings, worded in the caller's language by `t`. */
export type Check = (facts: ContainerFacts, t: Translate) => DraftFinding[];
