import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.ts';
import { cutText, QUERY_LIMITS } from '../../../src/knowledge/search/limits.ts';
import { PROJECT_ROOT } from '../../../src/paths.ts';
import { run } from '../../support/spawn.ts';
import { tempDir } from '../../support/temp.ts';
import { adversarialQueries, hangulWord } from './adversarial.ts';
import { workBound, workOf } from './work-bound.ts';

const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);

describe('search on hostile input', () => {
  let bound = 0;
  beforeAll(() => {
    bound = workBound(knowledge);
  });

  // One unspaced word of 300 random syllables took 8–10 s: typo correction enumerated every 1-
  // and 2-jamo deletion of the whole word.
  for (const length of [30, 300, 2_000, 6_000]) {
    it(`does bounded work for adversarial queries of ${length} characters (search and autocomplete)`, () => {
      for (const [name, query] of Object.entries(adversarialQueries(length))) {
        expect(workOf(() => knowledge.search(query, 5)), `search: ${name}`).toBeLessThanOrEqual(bound);
        expect(workOf(() => knowledge.suggest(query, 25)), `suggest: ${name}`).toBeLessThanOrEqual(bound);
      }
    });
  }

  it('reads a long query up to its limits, says it was cut, and still answers from what it read', () => {
    const question = '도커 볼륨 만드는 법';
    const plain = knowledge.search(question, 3);
    expect(plain.truncated).toBe(false);
    const padded = knowledge.search(question + ' ' + '가'.repeat(QUERY_LIMITS.chars), 3);
    expect(padded.truncated).toBe(true);
    expect(padded.hits[0]?.section.id).toBe(plain.hits[0]?.section.id);
    const wordy = knowledge.search(`${question} ${Array.from({ length: QUERY_LIMITS.words }, (_, i) => `w${i}`).join(' ')}`, 3);
    expect(wordy.truncated).toBe(true);
    expect(knowledge.search('가'.repeat(QUERY_LIMITS.wordChars + 1), 3).truncated).toBe(true);
    expect(knowledge.search('가'.repeat(QUERY_LIMITS.wordChars), 3).truncated).toBe(false);
  });

  it('never cuts a surrogate pair in half', () => {
    const emoji = '😀'.repeat(QUERY_LIMITS.chars);
    expect(cutText(emoji, 5)).toBe('😀😀');
    expect(cutText(emoji, 4)).toBe('😀😀');
    expect(() => knowledge.search('a' + emoji, 3)).not.toThrow();
  });

  // 1,000 such syllables exhausted a 2 GB heap and killed the process (exit 134).
  it('answers `search` with a 1,000-syllable word inside a 160 MB heap', async () => {
    const query = hangulWord(1_000);
    const result = await run('npm', ['run', '-s', 'cli', '--', 'search', '--json', query], {
      env: { NODE_OPTIONS: '--max-old-space-size=160', DOCKHAND_DB: join(tempDir(), 'search.db'), LOG_LEVEL: 'warn' },
      timeoutMs: 60_000,
    });
    expect(result.stderr).not.toMatch(/heap/i);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { hits: unknown[] };
    expect(body.hits).toEqual([]);
  });
});
