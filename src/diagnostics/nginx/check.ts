import type { Translate } from '../../core/locale.ts';
import type { DraftFinding } from '../check.ts';
import type { NginxFacts } from './facts.ts';

/** One family of nginx path checks: pure, from facts to draft findings, in the caller's language. */
export type NginxCheck = (facts: NginxFacts, t: Translate) => DraftFinding[];

/** The playbook every finding of this diagnosis links to (sections by anchor). */
export const PLAYBOOK = 'nginx-default-page';
