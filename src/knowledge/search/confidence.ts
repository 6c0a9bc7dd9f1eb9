import type { SearchHit } from '../search-engine.ts';
import { CONFIDENCE, CONFIDENCE_THRESHOLD } from './weights.ts';

/** What the confidence model reads of a search: the best hit, and how foreign the question is. */
export interface ConfidenceInput {
  score: number;
  /** Importance of the question's words the hit contains, in idf units. */
  evidence: number;
  /** Share of the question's weight in words the notes never use. */
  foreignShare: number;
}

/** The probability (0..1) that the best hit answers the question (weights.ts CONFIDENCE). */
export function confidence({ score, evidence, foreignShare }: ConfidenceInput): number {
  const z =
    CONFIDENCE.score * score +
    CONFIDENCE.evidence * Math.log1p(evidence) +
    CONFIDENCE.foreign * foreignShare +
    CONFIDENCE.bias;
  return 1 / (1 + Math.exp(-z));
}

/** Whether `ask` may answer with the best hit: the model when the engine reports evidence, the score alone otherwise. */
export function isConfident(best: SearchHit | undefined, foreignShare: number | undefined): boolean {
  if (!best) return false;
  if (best.evidence === undefined) return best.score >= CONFIDENCE_THRESHOLD;
  return confidence({ score: best.score, evidence: best.evidence, foreignShare: foreignShare ?? 0 }) >= CONFIDENCE.threshold;
}
