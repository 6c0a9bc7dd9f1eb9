import type { SearchHit } from '../search-engine.ts';
import { CONFIDENCE, CONFIDENCE_THRESHOLD } from './weights.ts';

/** What the confidence model reads of a search: the best hit, and how foreign the question is. */
export interface ConfidenceInput {
  /** Share of the question's weight the hit contains, 0..1. */
  coverage: number;
  /** How well the hit's heading and aliases match the question, 0..1. */
  titleSimilarity: number;
  /** Importance of the question's words the hit contains, in idf units. */
  evidence: number;
  /** Share of the question's weight in words the notes never use. */
  foreignShare: number;
  /** Importance of the two weightiest question words the hit lacks, in idf units. */
  missing: number;
}

/** The probability (0..1) that the best hit answers the question (weights.ts CONFIDENCE). */
export function confidence({ coverage, titleSimilarity, evidence, foreignShare, missing }: ConfidenceInput): number {
  const z =
    CONFIDENCE.coverage * coverage +
    CONFIDENCE.title * titleSimilarity +
    CONFIDENCE.evidence * Math.log1p(evidence) +
    CONFIDENCE.foreign * foreignShare +
    CONFIDENCE.missing * Math.log1p(missing) +
    CONFIDENCE.bias;
  return 1 / (1 + Math.exp(-z));
}

/** What the model reads of the best hit, or undefined for a strategy (or a hit) that does not say. */
export function confidenceInput(best: SearchHit, foreignShare: number | undefined): ConfidenceInput | undefined {
  const { coverage, titleSimilarity, evidence } = best;
  if (coverage === undefined || titleSimilarity === undefined || evidence === undefined) return undefined;
  return { coverage, titleSimilarity, evidence, foreignShare: foreignShare ?? 0, missing: best.missing ?? 0 };
}

/** Whether `ask` may answer with the best hit: the model when the engine reports its features, the score alone otherwise. */
export function isConfident(best: SearchHit | undefined, foreignShare: number | undefined): boolean {
  if (!best) return false;
  const input = confidenceInput(best, foreignShare);
  if (!input) return best.score >= CONFIDENCE_THRESHOLD;
  return confidence(input) >= CONFIDENCE.threshold;
}
