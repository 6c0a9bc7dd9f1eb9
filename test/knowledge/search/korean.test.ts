import { describe, expect, it } from 'vitest';
import { isStandardInflection, isStandardKorean } from '../../../src/knowledge/search/korean.ts';

describe('standard Korean words (hunspell-dict-ko)', () => {
  it('knows everyday words and not products spelled in Hangul', () => {
    for (const word of ['직무', '상관', '문장', '담당', '컨테이너', '각각']) expect(isStandardKorean(word), word).toBe(true);
    for (const word of ['레디스', '카프카', '테라폼', '쿠버네티스', '']) expect(isStandardKorean(word), word).toBe(false);
  });

  it('reads a word typed in decomposed jamo (NFD) as the same word', () => {
    expect(isStandardKorean('문장'.normalize('NFD'))).toBe(true);
  });

  it('reads a form of a standard verb or adjective as that word, not products that end like one', () => {
    for (const word of ['커질', '찼길래', '보니까', '돌린', '나옴', '안나옴', '같기', '날아가', '상세', '봤는데', '했길래', '안뜸', '안떠', '맞나', '큰데', '작은데', '옛날꺼']) {
      expect(isStandardInflection(word), word).toBe(true);
    }
    // 크론 is no 크다, 레디스 no 레디다: only listed endings are cut.
    for (const word of ['크론', '레디스', '카프카', '테라폼', '사내망', '모노레포', '오레곤']) expect(isStandardInflection(word), word).toBe(false);
  });
});
