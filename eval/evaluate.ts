import type { SearchHit } from '../src/knowledge/search-engine.ts';
import { PHENOMENA, type Phenomenon, type Question } from './questions.ts';

export const DEPTH = 10;

export interface Retrieval {
  hits: SearchHit[];
  confident: boolean;
}

export interface Outcome {
  question: Question;
  /** 1-based rank of the first right hit; for `none`, 1 when the engine declined to answer. */
  rank: number | undefined;
  confident: boolean;
  top: string[];
}

export interface Scores {
  n: number;
  hit1: number;
  hit3: number;
  mrr10: number;
  /** Answerable questions the engine was not confident about (it would say "no good answer"). */
  unsure: number;
}

const baseId = (id: string): string => id.replace(/~\d+$/, '');

export function isRight(question: Question, hit: SearchHit): boolean {
  if (question.ids?.length) return question.ids.includes(baseId(hit.section.id));
  const text = hit.section.text.toLowerCase();
  return (question.expect ?? []).some((phrases) => phrases.every((p) => text.includes(p.toLowerCase())));
}

export function runQuestions(questions: Question[], retrieve: (q: string) => Retrieval): Outcome[] {
  return questions.map((question) => {
    const { hits, confident } = retrieve(question.q);
    const top = hits.slice(0, 3).map((h) => h.section.id);
    if (question.phenomenon === 'none') return { question, rank: confident ? undefined : 1, confident, top };
    const index = hits.slice(0, DEPTH).findIndex((hit) => isRight(question, hit));
    return { question, rank: index < 0 ? undefined : index + 1, confident, top };
  });
}

export function score(outcomes: Outcome[]): Scores {
  const n = outcomes.length;
  const mean = (f: (o: Outcome) => number) => (n ? outcomes.reduce((sum, o) => sum + f(o), 0) / n : 0);
  return {
    n,
    hit1: mean((o) => (o.rank === 1 ? 1 : 0)),
    hit3: mean((o) => (o.rank !== undefined && o.rank <= 3 ? 1 : 0)),
    mrr10: mean((o) => (o.rank !== undefined ? 1 / o.rank : 0)),
    unsure: outcomes.filter((o) => o.question.phenomenon !== 'none' && !o.confident).length,
  };
}

export function byPhenomenon(outcomes: Outcome[]): Array<[Phenomenon | 'overall', Scores]> {
  const rows: Array<[Phenomenon | 'overall', Scores]> = PHENOMENA.map((p) => [
    p,
    score(outcomes.filter((o) => o.question.phenomenon === p)),
  ]);
  rows.push(['overall', score(outcomes)]);
  return rows.filter(([, s]) => s.n > 0);
}
