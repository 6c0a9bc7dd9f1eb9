import { describe, expect, it } from 'vitest';
import { DeletionIndex, type DeletionEntry } from '../../../src/knowledge/search/deletion-index.ts';

/** Every variant of `text` with up to `depth` letters deleted, built as strings. */
function deletions(text: string, depth: number): Set<string> {
  const out = new Set([text]);
  let frontier = [text];
  for (let d = 0; d < depth; d++) {
    const shorter = frontier.flatMap((t) => Array.from(t, (_, i) => t.slice(0, i) + t.slice(i + 1)));
    frontier = shorter.filter((v) => !out.has(v));
    for (const v of frontier) out.add(v);
  }
  return out;
}

function randomSpellings(count: number, seed = 11): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const letters = 'ㄱㄴㄷㄹㅏㅓㅗabc';
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 14) }, () => letters[Math.floor(next() * letters.length)]).join(''),
  );
}

describe('deletion index (typo lookup)', () => {
  it('finds exactly the words sharing a variant, as a table of variant strings would', () => {
    const spellings = randomSpellings(400, 5);
    const entries: DeletionEntry[] = spellings.map((spelling, i) => ({ word: `w${i}`, spelling, depth: i % 3 }));
    const index = new DeletionIndex(entries);
    const variantsOf = entries.map((e) => deletions(e.spelling, e.depth));
    for (const query of randomSpellings(200, 9)) {
      for (const variant of deletions(query, 2)) {
        const expected = entries.filter((_, i) => variantsOf[i]!.has(variant)).map((e) => e.word);
        const found: string[] = [];
        index.forEachSharing(variant, (e) => found.push(e.word));
        expect(new Set(found)).toEqual(new Set(expected));
      }
    }
  });
});
