import type { DraftFinding } from './check.ts';
import type { FindingCode, Severity } from './finding.ts';

/**
 * Findings that only restate another finding's cause, and the findings that explain them, most
 * specific first: a port nobody answers on is the port-mismatch or the loopback-only server on
 * that port; the exit code of a start that failed, or of an OOM kill, is that failure.
 */
const EXPLAINED_BY: Partial<Record<FindingCode, FindingCode[]>> = {
  'http-unreachable': ['port-mismatch', 'listens-on-loopback'],
  exited: ['start-failed', 'oom-killed'],
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One cause, one finding: a finding whose every port (or, without ports, whose whole
 * meaning) another finding explains is folded into that one. The explaining finding keeps
 * its words and refs, takes the more serious severity, and gains the evidence it lacked.
 */
export function foldSameCause(drafts: DraftFinding[]): DraftFinding[] {
  const kept = drafts.map((draft) => ({ ...draft, evidence: [...draft.evidence] }));
  const folded = new Set<DraftFinding>();
  for (const symptom of kept) {
    const causes = (EXPLAINED_BY[symptom.code] ?? []).flatMap((code) =>
      kept.filter((d) => d.code === code && !folded.has(d)),
    );
    const [target] = causes;
    if (!target || !explains(causes, symptom)) continue;
    for (const line of symptom.evidence) if (!target.evidence.includes(line)) target.evidence.push(line);
    if (RANK[symptom.severity] < RANK[target.severity]) target.severity = symptom.severity;
    folded.add(symptom);
  }
  return kept.filter((d) => !folded.has(d));
}

function explains(causes: DraftFinding[], symptom: DraftFinding): boolean {
  if (!symptom.ports) return true;
  const covered = new Set(causes.flatMap((c) => c.ports ?? []));
  return symptom.ports.every((port) => covered.has(port));
}
