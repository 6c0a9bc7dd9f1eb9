import type { Translate } from '../../core/locale.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { finishFindings } from '../diagnose.ts';
import type { Finding } from '../finding.ts';
import type { NginxCheck } from './check.ts';
import { configChecks } from './config-checks.ts';
import type { NginxFacts } from './facts.ts';
import { imageChecks } from './image-checks.ts';
import { defaultPageCheck } from './page-check.ts';
import { portHolderCheck } from './port-check.ts';
import { upstreamChecks } from './upstream-checks.ts';

/** Causes first (A–G), the symptom last: the sort by severity keeps this order within a severity. */
export const NGINX_CHECKS: NginxCheck[] = [
  imageChecks,
  configChecks,
  portHolderCheck,
  upstreamChecks,
  defaultPageCheck,
];

/** Every nginx path check on the facts: findings ranked by severity, refs resolved, text redacted. */
export function diagnoseNginx(facts: NginxFacts, t: Translate, knowledge: KnowledgeBase): Finding[] {
  return finishFindings(
    NGINX_CHECKS.flatMap((check) => check(facts, t)),
    knowledge,
  );
}
