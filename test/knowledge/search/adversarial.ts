/**
 * Inputs built to make search work hard, shared by the bounded-work tests, the fuzz test and
 * bench/search.bench.ts: long words without spaces (Hangul, Latin, mixed), jamo runs, many short
 * words. Seeded, so every run sees the same text.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const pick = (random: () => number, letters: string) => letters[Math.floor(random() * letters.length)] ?? '';

/** `length` random Hangul syllables (가..힣), no spaces. */
export function hangulWord(length: number, seed = 1): string {
  const random = seededRandom(seed);
  return Array.from({ length }, () => String.fromCharCode(0xac00 + Math.floor(random() * 11172))).join('');
}

/** `length` random lower-case Latin letters, no spaces. */
export function latinWord(length: number, seed = 2): string {
  const random = seededRandom(seed);
  return Array.from({ length }, () => pick(random, 'abcdefghijklmnopqrstuvwxyz')).join('');
}

/** Hangul syllables, Latin letters, digits and jamo run together, no spaces. */
export function mixedWord(length: number, seed = 3): string {
  const random = seededRandom(seed);
  return Array.from({ length }, () => {
    const r = random();
    if (r < 0.4) return String.fromCharCode(0xac00 + Math.floor(random() * 11172));
    if (r < 0.7) return pick(random, 'abcdefghijklmnopqrstuvwxyz');
    if (r < 0.85) return pick(random, 'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎㅏㅓㅗㅜ');
    return pick(random, '0123456789');
  }).join('');
}

/** Many short words, spaced: the most words a query of `length` characters can hold. */
export function manyWords(length: number, seed = 4): string {
  const random = seededRandom(seed);
  const words: string[] = [];
  for (let size = 0; size < length; size += 3) {
    words.push(random() < 0.5 ? hangulWord(2, Math.floor(random() * 1e9)) : latinWord(2, Math.floor(random() * 1e9)));
  }
  return words.join(' ').slice(0, length);
}

/** The adversarial queries by name, each about `length` characters. */
export function adversarialQueries(length: number): Record<string, string> {
  return {
    [`unspaced Hangul ×${length}`]: hangulWord(length),
    [`unspaced Latin ×${length}`]: latinWord(length),
    [`mixed scripts ×${length}`]: mixedWord(length),
    [`repeated jamo ×${length}`]: 'ㅋ'.repeat(length),
    [`repeated 초성 pairs ×${length}`]: 'ㄷㅋ'.repeat(Math.ceil(length / 2)).slice(0, length),
    [`short words ×${length}`]: manyWords(length),
  };
}
