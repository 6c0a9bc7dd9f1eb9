import { describe, expect, it } from 'vitest';
import { isStandardKorean } from '../../../src/knowledge/search/korean.ts';

describe('standard Korean words (hunspell-dict-ko)', () => {
  it('knows everyday words and not products spelled in Hangul', () => {
    for (const word of ['직무', '상관', '문장', '담당', '컨테이너', '각각']) expect(isStandardKorean(word), word).toBe(true);
    for (const word of ['레디스', '카프카', '테라폼', '쿠버네티스', '']) expect(isStandardKorean(word), word).toBe(false);
  });

  it('reads a word typed in decomposed jamo (NFD) as the same word', () => {
    expect(isStandardKorean('문장'.normalize('NFD'))).toBe(true);
  });
});
