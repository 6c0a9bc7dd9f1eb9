import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.ts';
import { QUERY_LIMITS } from '../../../src/knowledge/search/limits.ts';
import { normalizeText } from '../../../src/knowledge/search/normalize.ts';
import { wordsOf } from '../../../src/knowledge/search/tokens.ts';
import { PROJECT_ROOT } from '../../../src/paths.ts';
import { hostileText } from '../../support/hostile-text.ts';
import { workBound, workOf } from './work-bound.ts';

const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

// Property-based: whatever text arrives (up to Discord's 6,000 characters), search and
// autocomplete answer without throwing, within their limits, and within a bounded amount of work.
describe('search and autocomplete on any text (fuzz)', () => {
  let bound = 0;
  beforeAll(() => {
    bound = workBound(knowledge);
  });

  it('search answers in bounds, says when it cut the query, and does bounded work', () => {
    fc.assert(
      fc.property(hostileText(), fc.integer({ min: 1, max: 50 }), (query, limit) => {
        let result: ReturnType<KnowledgeBase['search']> | undefined;
        const work = workOf(() => (result = knowledge.search(query, limit)));
        expect(work).toBeLessThanOrEqual(bound);
        expect(result?.hits.length).toBeLessThanOrEqual(limit);
        for (const hit of result?.hits ?? []) {
          expect(hit.score).toBeGreaterThanOrEqual(0);
          expect(hit.score).toBeLessThanOrEqual(1);
          expect(typeof hit.snippet).toBe('string');
        }
        // A question is read up to Discord's cap for its error lines; what search reads, up to QUERY_LIMITS.chars.
        if (query.length > QUERY_LIMITS.questionChars) expect(result?.truncated).toBe(true);
        if (result && result.question.searchText.length > QUERY_LIMITS.chars) expect(result.truncated).toBe(true);
      }),
      RUNS,
    );
  });

  it('autocomplete answers at most 25 titles Discord accepts, with bounded work', () => {
    fc.assert(
      fc.property(hostileText(), (prefix) => {
        let titles: ReturnType<KnowledgeBase['suggest']> = [];
        const work = workOf(() => (titles = knowledge.suggest(prefix, 25)));
        expect(work).toBeLessThanOrEqual(bound);
        expect(titles.length).toBeLessThanOrEqual(25);
        for (const { title } of titles) expect(title.length).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });

  it('reads words up to a limit as a prefix of all of them, and past it when there are more', () => {
    fc.assert(
      fc.property(hostileText(800), fc.integer({ min: 0, max: 40 }), (text, most) => {
        const all = wordsOf(text).map((w) => w.text);
        const some = wordsOf(text, most).map((w) => w.text);
        expect(all.slice(0, some.length)).toEqual(some);
        expect(some.length).toBeGreaterThanOrEqual(Math.min(most + 1, all.length));
      }),
      RUNS,
    );
  });

  it('gives words that are already normal, so glossary lookups need not normalise them again', () => {
    fc.assert(
      fc.property(hostileText(800), (text) => {
        for (const word of wordsOf(text)) expect(normalizeText(word.text)).toBe(word.text);
      }),
      RUNS,
    );
  });

  it('answers the same question the same way after any other query (no state leaks between queries)', () => {
    const question = '도커 볼륨 만드는 법';
    const expected = JSON.stringify(knowledge.search(question, 5));
    fc.assert(
      fc.property(hostileText(500), (other) => {
        knowledge.search(other, 5);
        knowledge.suggest(other, 25);
        expect(JSON.stringify(knowledge.search(question, 5))).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });
});
