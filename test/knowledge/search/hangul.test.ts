import { disassemble, getChoseong, getJongseong } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { choseong, consonantSpellings, jamo, letterSwaps, syllableSwaps } from '../../../src/knowledge/search/hangul.ts';

// hangul.ts converts character by character, remembering each character's answer; es-hangul
// converts whole strings. They must agree on any text, Hangul or not.
const POOL = [
  ...Array.from('도커볼륨컨테이너쿠버네티스ㅂㅇㄷㅁㅇㅌㄳㅘㅢ'),
  ...Array.from('abcXYZ019-_:./ '),
  '\t',
  '\n',
  '\u3000',
  '\u00a0',
  'é',
  'e\u0301',
  '\u1100',
  '\u1161',
  '\u11a8',
  '\uffa1',
  '😀',
  '한'.normalize('NFD'),
];

function randomTexts(count: number, seed = 7): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    let text = '';
    const length = Math.floor(next() * 12);
    for (let i = 0; i < length; i++) {
      text +=
        next() < 0.3
          ? String.fromCharCode(0xac00 + Math.floor(next() * 11172))
          : (POOL[Math.floor(next() * POOL.length)] ?? '');
    }
    return text;
  });
}

describe('jamo and 초성 per character', () => {
  const texts = randomTexts(3000);

  it('spell jamo exactly as es-hangul does', () => {
    for (const text of texts) expect(jamo(text)).toBe(disassemble(text));
  });

  it('take initials exactly as es-hangul does, spaces dropped', () => {
    for (const text of texts) expect(choseong(text)).toBe(getChoseong(text.replace(/\s+/g, '')));
  });

  it('offer 초성 spellings from es-hangul initials and finals', () => {
    for (const word of ['도커', '컨테이너', '볼륨', '닭갈비', 'a도b']) {
      let variants = [''];
      for (const syllable of word) {
        const initial = getChoseong(syllable);
        if (!initial) continue;
        const final = getJongseong(syllable);
        const next = variants.map((v) => v + initial);
        if (final && variants.length * 2 <= 16) next.push(...variants.map((v) => v + initial + final));
        variants = next;
      }
      expect(consonantSpellings(word)).toEqual(variants.filter(Boolean));
    }
  });
});

describe('letterSwaps', () => {
  it('swaps neighbouring letters of a Latin word, once each', () => {
    expect(letterSwaps('docekr')).toContain('docker');
    expect(letterSwaps('contianer')).toContain('container');
    expect(letterSwaps('pull')).toEqual(['upll', 'plul']);
  });

  it('has nothing for short, Hangul or mixed words', () => {
    expect(letterSwaps('ecs')).toEqual([]);
    expect(letterSwaps('도커')).toEqual([]);
    expect(letterSwaps('web1')).toEqual([]);
  });
});

describe('syllableSwaps', () => {
  it('swaps neighbouring syllables, and their initial consonants', () => {
    expect(syllableSwaps('컨테니어')).toContain('컨테이너');
    expect(syllableSwaps('볼륨')).toEqual(['륨볼', '롤븀']);
  });

  it('has nothing for a lone syllable or text that is not all syllables', () => {
    expect(syllableSwaps('볼')).toEqual([]);
    expect(syllableSwaps('ㄷㅋ')).toEqual([]);
    expect(syllableSwaps('docker')).toEqual([]);
  });
});
