import type { Translate } from '../core/locale.ts';
import { redact } from '../core/redact.ts';
import { clip } from '../core/text.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Check, DraftFinding } from './check.ts';
import type { ContainerFacts } from './facts.ts';
import { bySeverity, type Finding } from './finding.ts';
import { httpChecks } from './http-checks.ts';
import { loopbackCheck } from './loopback-check.ts';
import { portChecks } from './port-checks.ts';
import { resolveRefs } from './refs.ts';
import { secretChecks } from './secret-checks.ts';
import { stateChecks } from './state-checks.ts';
import { foldSameCause } from './same-cause.ts';

/** Every check family, causes before symptoms (the sort keeps this order within a severity). */
export const CHECKS: Check[] = [stateChecks, portChecks, loopbackCheck, httpChecks, secretChecks];

const MAX_EVIDENCE = 12;
const MAX_EVIDENCE_CHARS = 300;

/**
 * Runs every check on the facts and returns the findings ranked by severity, refs resolved, text
 * redacted; findings that restate another's cause are folded into it (one cause, one finding).
 */
export function diagnose(facts: ContainerFacts, t: Translate, knowledge: KnowledgeBase): Finding[] {
  return finishFindings(foldSameCause(CHECKS.flatMap((check) => check(facts, t))), knowledge);
}

/** Drafts as members see them: text redacted, evidence bounded, refs resolved, most serious first. */
export function finishFindings(drafts: DraftFinding[], knowledge: KnowledgeBase): Finding[] {
  return drafts
    .map((draft): Finding => ({
      code: draft.code,
      severity: draft.severity,
      title: redact(draft.title),
      detail: redact(draft.detail),
      evidence: draft.evidence.slice(0, MAX_EVIDENCE).map((line) => clip(redact(line), MAX_EVIDENCE_CHARS)),
      next: redact(draft.next),
      refs: resolveRefs(knowledge, draft.code, draft.refHints),
    }))
    .sort(bySeverity);
}
