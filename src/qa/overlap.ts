/**
 * How much of an earlier question a new one repeats, word by word. Search scores say how much of
 * the *new* question an earlier one covers, so a short, general question ("이미지 빌드 방법") is
 * fully covered by any longer one that mentions its words ("맥북 M1에서 amd64 이미지 빌드하려면?");
 * being the same question needs the other direction too: most of the earlier question's own words.
 */

/** Words that make a sentence a question rather than say what it is about. */
const FILLER = new Set([
  '뭐',
  '뭐야',
  '뭐예요',
  '뭐에요',
  '뭐였지',
  '뭔가요',
  '뭔지',
  '무엇',
  '무엇인가요',
  '어떻게',
  '어디',
  '어디에',
  '어디서',
  '언제',
  '왜',
  '방법',
  '하는',
  '하려면',
  '되나요',
  '돼요',
  '안돼요',
  '있어요',
  '있나요',
  '있을까요',
  '없나요',
  '해요',
  '하나요',
  '좀',
  '그냥',
  '혹시',
  '알려줘',
  '알려주세요',
  '궁금해요',
  '질문',
  '질문이요',
  'how',
  'what',
  'why',
  'when',
  'where',
  'is',
  'are',
  'the',
  'a',
  'an',
  'to',
  'of',
  'in',
  'on',
  'for',
  'and',
  'or',
  'vs',
  'do',
  'does',
  'can',
  'i',
]);

const WORD = /[\p{L}\p{N}]+/gu;
const HANGUL = /^[\uac00-\ud7a3]+$/;

/** The words a question is about: lowercased, without question filler and lone syllables. */
export function contentWords(text: string): string[] {
  const words = text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  return [
    ...new Set(
      words.filter((w) => !FILLER.has(w) && !(HANGUL.test(w) && w.length < 2) && !(w.length < 2 && !/\d/.test(w))),
    ),
  ];
}

/**
 * The share of `earlier`'s content words that `later` also has. Korean words match on their first
 * two syllables (빌드하려면 ~ 빌드, 로그인이 ~ 로그인), other words when one starts the other.
 */
export function coverageOf(earlier: string, later: string): number {
  const wanted = contentWords(earlier);
  if (wanted.length === 0) return 0;
  const have = contentWords(later);
  const found = wanted.filter((word) => have.some((other) => sameWord(word, other)));
  return found.length / wanted.length;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (HANGUL.test(a) && HANGUL.test(b)) return a.slice(0, 2) === b.slice(0, 2);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}
