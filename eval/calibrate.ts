/**
 * `npm run eval -- --calibrate`: where the "no good answer" threshold should sit, from the dev
 * split's top scores — answerable questions should be at or above it, `none` questions below.
 * Picks the cut with the best balanced accuracy, in the middle of its gap.
 */
import type { SearchHit } from '../src/knowledge/search-engine.ts';
import type { Question } from './questions.ts';

export interface Calibration {
  threshold: number;
  answerableAbove: number;
  answerable: number;
  noneBelow: number;
  none: number;
}

export function calibrate(questions: Question[], search: (q: string) => SearchHit[]): Calibration {
  const scored = questions.map((q) => ({ none: q.phenomenon === 'none', score: search(q.q)[0]?.score ?? 0 }));
  const answerable = scored.filter((s) => !s.none).map((s) => s.score);
  const none = scored.filter((s) => s.none).map((s) => s.score);
  const cuts = [...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  let best: Calibration | undefined;
  let bestBalance = -1;
  for (const [i, cut] of cuts.entries()) {
    // A cut between two neighbouring scores, so every question is strictly on one side.
    const threshold = (cut + (cuts[i - 1] ?? 0)) / 2;
    const answerableAbove = answerable.filter((s) => s >= threshold).length;
    const noneBelow = none.filter((s) => s < threshold).length;
    const balance = answerableAbove / Math.max(1, answerable.length) + noneBelow / Math.max(1, none.length);
    if (balance > bestBalance) {
      bestBalance = balance;
      best = { threshold, answerableAbove, answerable: answerable.length, noneBelow, none: none.length };
    }
  }
  return best ?? { threshold: 0.5, answerableAbove: 0, answerable: answerable.length, noneBelow: 0, none: none.length };
}
