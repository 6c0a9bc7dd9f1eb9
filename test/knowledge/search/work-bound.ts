import { snapshotQuestions } from '../../../eval/snapshot.ts';
import type { KnowledgeBase } from '../../../src/knowledge/knowledge-base.ts';
import { workDone } from '../../../src/knowledge/search/work.ts';

/** How much more than the costliest eval question any input may cost (counted work, not time). */
export const MOST_WORK_OVER_EVAL = 2;

/** The work units (src/knowledge/search/work.ts) one action does. */
export function workOf(action: () => unknown): number {
  const before = workDone();
  action();
  return workDone() - before;
}

/** The most work one search or autocomplete request may do: MOST_WORK_OVER_EVAL × the costliest eval question. */
export function workBound(knowledge: KnowledgeBase): number {
  const costliest = Math.max(...snapshotQuestions().map((q) => workOf(() => knowledge.search(q, 10))));
  return MOST_WORK_OVER_EVAL * costliest;
}
