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
        const expected = entries.filter((_, i) => variantsOf[i]?.has(variant)).map((e) => e.word);
        const found: string[] = [];
        index.forEachSharing(variant, -1, -1, (e) => found.push(e.word));
        expect(new Set(found)).toEqual(new Set(expected));
      }
    }
  });

  it('finds the same through letters skipped in place as through the variant built as a string', () => {
    const entries: DeletionEntry[] = randomSpellings(400, 5).map((spelling, i) => ({ word: `w${i}`, spelling, depth: i % 3 }));
    const index = new DeletionIndex(entries);
    const lookup = (text: string, a: number, b: number) => {
      const found = new Set<string>();
      index.forEachSharing(text, a, b, (e) => found.add(e.word));
      return found;
    };
    for (const query of randomSpellings(100, 9)) {
      for (let a = -1; a < query.length; a++) {
        // No deletion, one (a), or two (a and b).
        const seconds = a < 0 ? [-1] : [-1, ...Array.from({ length: query.length - a - 1 }, (_, k) => a + 1 + k)];
        for (const b of seconds) {
          const variant = Array.from(query)
            .filter((_, i) => i !== a && i !== b)
            .join('');
          expect(lookup(query, a, b)).toEqual(lookup(variant, -1, -1));
        }
      }
    }
  });
});
