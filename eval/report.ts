import { join } from 'node:path';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { DEPTH, byPhenomenon, runQuestions, type Outcome, type Scores } from './evaluate.ts';
import { PlainFuseEngine, PLAIN_FUSE_THRESHOLD } from './plain-fuse.ts';
import { loadQuestions, SPLITS, type Phenomenon, type Split } from './questions.ts';

export interface SplitReport {
  split: Split;
  ours: Array<[Phenomenon | 'overall', Scores]>;
  fuse: Array<[Phenomenon | 'overall', Scores]>;
  misses: Outcome[];
}

/** Runs every split through the project's engine and through plain fuse.js. */
export function evaluateAll(knowledgeDir = join(PROJECT_ROOT, 'knowledge')): SplitReport[] {
  const knowledge = KnowledgeBase.load(knowledgeDir, PROJECT_ROOT);
  const plain = new PlainFuseEngine(knowledge.sections);
  return SPLITS.map((split) => {
    const questions = loadQuestions(split);
    const ours = runQuestions(questions, (q) => knowledge.search(q, DEPTH));
    const fuse = runQuestions(questions, (q) => {
      const { hits } = plain.search(q, DEPTH);
      return { hits, confident: (hits[0]?.score ?? 0) >= PLAIN_FUSE_THRESHOLD };
    });
    return { split, ours: byPhenomenon(ours), fuse: byPhenomenon(fuse), misses: ours.filter((o) => o.rank !== 1) };
  });
}

export function overall(report: SplitReport): Scores {
  const scores = report.ours.find(([p]) => p === 'overall')?.[1];
  if (!scores) throw new Error(`the ${report.split} report has no overall row`);
  return scores;
}
