import { describe, expect, it } from 'vitest';
import { Glossary } from '../../../src/knowledge/search/expand.ts';
import {
  consonantSpellings,
  editDistance,
  hangulFromQwerty,
  jamo,
  qwertyFromHangul,
  syllableBigrams,
} from '../../../src/knowledge/search/hangul.ts';
import { WORD_LIMITS, WorkBudget } from '../../../src/knowledge/search/limits.ts';
import { compact, normalizeText } from '../../../src/knowledge/search/normalize.ts';
import { englishSingular, isParticle, stemsOf } from '../../../src/knowledge/search/particles.ts';
import { indexTerms, joinTerm, pairTerm } from '../../../src/knowledge/search/terms.ts';
import { wordsOf } from '../../../src/knowledge/search/tokens.ts';
import { Vocabulary } from '../../../src/knowledge/search/vocabulary.ts';

const texts = (text: string) => wordsOf(text).map((w) => w.text);

describe('normalisation', () => {
  it('applies NFKC, lower case and single spaces', () => {
    expect(normalizeText('  Ｄｏｃｋｅｒ\u3000\t볼륨  ')).toBe('docker 볼륨');
    expect(normalizeText('COPY ﹣﹣from')).toBe('copy --from');
  });

  it('keeps 초성 typed as compatibility jamo, which plain NFKC would turn into conjoining jamo', () => {
    expect('ㄷㅋ'.normalize('NFKC')).not.toBe('ㄷㅋ');
    expect(normalizeText('ㄷㅋ ㅋㅍㅈ')).toBe('ㄷㅋ ㅋㅍㅈ');
    // Decomposed input (as some keyboards send it) becomes syllables again.
    expect(normalizeText('도커'.normalize('NFD'))).toBe('도커');
  });

  it('compares spacing-insensitively through compact forms and syllable bigrams', () => {
    expect(compact('도커 볼륨')).toBe(compact('도커볼륨'));
    expect(syllableBigrams('도커볼륨')).toEqual(['도커', '커볼', '볼륨']);
  });
});

describe('particles (조사)', () => {
  it('strips particles and noun-glued endings, longest first', () => {
    expect(stemsOf('볼륨이')).toEqual(['볼륨']);
    expect(stemsOf('볼륨을')).toEqual(['볼륨']);
    expect(stemsOf('볼륨에서는')).toContain('볼륨');
    expect(stemsOf('재시작되는데요')).toContain('재시작');
    expect(stemsOf('도커')).toEqual([]);
  });

  it('strips the copula glued to a noun as a reason or a condition (앱이라, 노드라서, 개발용이면)', () => {
    expect(stemsOf('앱이라')).toContain('앱');
    expect(stemsOf('노드라서')).toContain('노드');
    expect(stemsOf('개발용이면')).toContain('개발용');
    expect(stemsOf('테스트용이라도')).toContain('테스트용');
    expect(stemsOf('에러라')).toContain('에러');
  });

  it('strips particles contracted in chat (처음엔, 운영에선) and 씩', () => {
    expect(stemsOf('처음엔')).toContain('처음');
    expect(stemsOf('운영에선')).toContain('운영');
    expect(stemsOf('100초씩')).toContain('100초');
    expect(stemsOf('팀장님')).toContain('팀장');
  });

  it('drops a particle glued to a Latin word or number but keeps Hangul words whole', () => {
    expect(texts('ECS가 8080으로')).toEqual(['ecs', '8080']);
    // …and to a literal: 8080:80으로 is the literal 8080:80.
    expect(wordsOf('8080:80으로 띄웠는데').filter((w) => w.kind === 'literal' && !w.part).map((w) => w.text)).toEqual(['8080:80']);
    // …and to a flag: -f로 is the flag -f, not the letter f.
    expect(wordsOf('-f로 빌드했더니 --name을').map((w) => w.text)).toEqual(['-f', '빌드했더니', '--name']);
    expect(isParticle('에서')).toBe(true);
    expect(isParticle('도커')).toBe(false);
  });

  it('indexes both the written word and its noun', () => {
    const terms = indexTerms(wordsOf('도커 볼륨을 만든다'));
    expect(terms).toEqual(
      expect.arrayContaining(['볼륨을', '볼륨', joinTerm('도커', '볼륨'), joinTerm('도커', '볼륨을')]),
    );
  });

  it('reduces English plurals', () => {
    expect(englishSingular('volumes')).toBe('volume');
    expect(englishSingular('policies')).toBe('policy');
    expect(englishSingular('process')).toBeUndefined();
  });
});

describe('초성', () => {
  it('offers initials alone or with final consonants, as members type them', () => {
    expect(consonantSpellings('도커')).toEqual(['ㄷㅋ']);
    expect(consonantSpellings('컨테이너')).toEqual(['ㅋㅌㅇㄴ', 'ㅋㄴㅌㅇㄴ']);
  });

  it('looks up title words and multi-word terms by their initials', () => {
    const vocabulary = new Vocabulary(
      new Map([
        ['도커', 3],
        ['컴포즈', 2],
        ['바인드', 1],
        ['마운트', 1],
      ]),
      new Set(),
      [
        ['도커', '컴포즈'],
        ['바인드', '마운트'],
      ],
    );
    expect(vocabulary.wordsWithChoseong('ㄷㅋ')).toEqual(['도커']);
    expect(vocabulary.joinsWithChoseong('ㅂㅇㄷㅁㅇㅌ')).toEqual([[joinTerm('바인드', '마운트')]]);
  });
});

describe('wrong keyboard layout', () => {
  it('reads Hangul typed with the English layout, and back', () => {
    expect(hangulFromQwerty('ehzj')).toBe('도커');
    expect(hangulFromQwerty('qhffba')).toBe('볼륨');
    expect(hangulFromQwerty('docker')).toBeUndefined(); // does not spell whole syllables
    expect(hangulFromQwerty('dk')).toBeUndefined(); // 아: one syllable is too little to go on
    expect(qwertyFromHangul('애찯ㄱ')).toBe('docker');
    expect(hangulFromQwerty('how')).toBeUndefined(); // ㅗㅐㅈ assembles to nothing: no throw
  });
});

describe('jamo distance (typos)', () => {
  it('counts one wrong vowel as one edit, not a whole syllable', () => {
    expect(jamo('볼륨')).toBe('ㅂㅗㄹㄹㅠㅁ');
    expect(editDistance(jamo('볼룸'), jamo('볼륨'), 2)).toBe(1);
    expect(editDistance(jamo('쿠버내티스'), jamo('쿠버네티스'), 2)).toBe(1);
    expect(editDistance(jamo('레지스추리'), jamo('레지스트리'), 2)).toBe(2);
    expect(editDistance(jamo('도커'), jamo('볼륨'), 1)).toBe(2); // gives up past the budget
  });

  it('corrects to the nearest known word by symmetric deletes', () => {
    const written = new Set(['볼륨', '쿠버네티스', '레지스트리', '네임스페이스']);
    const df = new Map([...written].map((w) => [w, 2]));
    const vocabulary = new Vocabulary(df, written, [['볼륨'], ['레지스트리']]);
    expect(vocabulary.corrections('볼룸', new WorkBudget()).map((c) => c.word)).toEqual(['볼륨']);
    expect(vocabulary.corrections('쿠버내티스', new WorkBudget())).toEqual([{ word: '쿠버네티스', distance: 1 }]);
    // Two edits away only towards a title or glossary word…
    expect(vocabulary.corrections('레지스추리', new WorkBudget())).toEqual([{ word: '레지스트리', distance: 2 }]);
    expect(vocabulary.corrections('내임스패이스', new WorkBudget())).toEqual([]);
    expect(vocabulary.corrections('도커', new WorkBudget())).toEqual([]);
  });

  it('pays for a correction from the query budget, and skips it when the budget is spent', () => {
    const written = new Set(['볼륨', '쿠버네티스']);
    const vocabulary = new Vocabulary(new Map([...written].map((w) => [w, 2])), written, [['볼륨']]);
    const budget = new WorkBudget(1_000);
    expect(vocabulary.corrections('쿠버내티스', budget)).toEqual([{ word: '쿠버네티스', distance: 1 }]);
    expect(vocabulary.corrections('쿠버내티스', budget)).toEqual([]);
    // A word longer than the cap is not looked at, whatever the budget.
    const long = '쿠버네티스'.repeat(3) + '볼'; // 33 jamo
    const withLong = new Vocabulary(new Map([[long, 1]]), new Set([long]), []);
    expect(jamo(long).length).toBeGreaterThan(WORD_LIMITS.typoSpelling);
    expect(withLong.corrections(long.slice(0, -1) + '벌', new WorkBudget(Infinity))).toEqual([]);
    // …while one short enough still reaches it.
    expect(withLong.corrections(long.slice(0, -1) + '보', new WorkBudget(Infinity))).toEqual([{ word: long, distance: 1 }]);
  });
});

describe('command-aware tokens', () => {
  it('keeps flags, port pairs and file names whole, then their parts', () => {
    expect(texts('COPY --from=builder /out/app')).toEqual(['copy', '--from', 'builder', 'out/app', 'out', 'app']);
    expect(texts('-p 8080:80 의미')).toEqual(['-p', '8080:80', '8080', '80', '의미']);
    expect(texts('-p 127.0.0.1:8080:80')).toEqual(
      expect.arrayContaining(['127.0.0.1:8080:80', '127.0.0.1', '8080:80']),
    );
    expect(texts('docker-compose.yml')).toEqual(['docker-compose.yml', 'docker', 'compose', 'yml']);
  });

  it('pairs adjacent Latin words, so docker subcommands match as a unit', () => {
    expect(indexTerms(wordsOf('docker volume create myvol'))).toEqual(
      expect.arrayContaining([pairTerm('docker', 'volume'), pairTerm('volume', 'create')]),
    );
  });

  it('maps every glossary spelling to the others, ignoring spacing', () => {
    const glossary = new Glossary([{ ko: ['바인드 마운트'], en: ['bind mount'], also: ['바인드마운트'] }]);
    expect(glossary.formsOf('바인드마운트').map((f) => f.term)).toEqual([
      joinTerm('바인드', '마운트'),
      pairTerm('bind', 'mount'),
      '바인드마운트',
    ]);
    expect(glossary.hasWord('마운트')).toBe(true);
  });
});
