import { describe, expect, it } from 'vitest';
import { isStandardInflection, isStandardKorean, verbFormsOf, verbStemsOf } from '../../../src/knowledge/search/korean.ts';
import { chatStemsOf } from '../../../src/knowledge/search/particles.ts';

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

  it('finds the dictionary stem of a verb form (큼 → 크, 엶 → 열, 안나옴 → 나오) and the forms prose writes it in', () => {
    expect(verbStemsOf('큼')[0]).toBe('크');
    expect(verbStemsOf('엶')[0]).toBe('열');
    expect(verbStemsOf('안나옴')[0]).toBe('나오');
    expect(verbStemsOf('설정했는데')[0]).toBe('설정하');
    // A verb made a noun in chat (받는거, 지우는법): the verb.
    expect(verbStemsOf('받는거')).toEqual(['받']);
    expect(verbStemsOf('지우는법')).toEqual(['지우']);
    expect(verbStemsOf('레디스')).toEqual([]);
    expect(verbFormsOf('크')).toEqual(expect.arrayContaining(['크기', '큰', '커요', '커서']));
    expect(verbFormsOf('나오')).toEqual(expect.arrayContaining(['나오는', '나와요']));
    expect(verbFormsOf('줄이')).toEqual(expect.arrayContaining(['줄이기', '줄여서']));
    expect(verbFormsOf('설정하')).toEqual(expect.arrayContaining(['설정해요', '설정한']));
  });
});

describe('endings chat glues to a noun', () => {
  it('reads 충돌남, 에러났어요, 연결안됨 as their noun, and leaves a short word whole', () => {
    expect(chatStemsOf('충돌남')).toEqual(['충돌']);
    expect(chatStemsOf('에러났어요')).toEqual(['에러']);
    expect(chatStemsOf('연결안됨')).toEqual(['연결안', '연결']);
    expect(chatStemsOf('강남')).toEqual([]);
  });
});
