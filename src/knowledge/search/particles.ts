/**
 * Korean particles (조사) and the commonest endings glued to nouns (하다/되다 forms, copula).
 * Members write 볼륨이, 볼륨을, 재시작되는데요: the noun is what the notes contain.
 * Longest first, so 에서는 wins over 는.
 */
const ENDINGS = [
  // predicate endings glued to a noun (설치하는, 재시작되는데요, 연결이 안돼요)
  '되는데요', '하는데요', '했는데요', '됐는데요', '하려면', '되려면', '했는데', '됐는데', '되는데', '하는데',
  '했어요', '됐어요', '합니다', '됩니다', '되나요', '하나요', '해야', '해도', '해서', '돼서', '하기', '되기',
  '하는', '되는', '하면', '되면', '해요', '돼요', '되요', '할때', '한다', '된다',
  // copula and particles
  '에서부터', '으로부터', '이라는', '이라고', '이라면', '이에요', '이예요', '입니다', '인가요', '인데요',
  '에서는', '에서도', '에서의', '으로는', '으로도', '으로의', '에게서', '한테서', '까지는', '부터는',
  '로부터', '에서', '에게', '한테', '으로', '이랑', '하고', '까지', '부터', '보다', '처럼', '마다', '이나',
  '이든', '이란', '라는', '라고', '라면', '에는', '에도', '로는', '로도', '와는', '과는', '은요', '는요',
  '이요', '끼리', '에요', '예요', '인데', '인지', '이죠', '이고', '이며', '이다', '들이', '들을', '들은',
  '들의', '들도', '밖에', '조차', '이라서', '이라도', '이니까', '이지만', '이라', '라서', '라도', '이면',
  // contracted in chat: 처음엔 (에는), 운영에선 (에서는); 분씩 (each)
  '에선', '엔', '씩', '라', '째', '말고', '님', '님이', '님은', '님께', '님도', '님한테',
  '이', '가', '은', '는', '을', '를', '의', '에', '로', '와', '과', '랑', '도', '만', '란', '야', '들', '요', '할', '한', '된',
].sort((a, b) => b.length - a.length);

const PARTICLE_SET = new Set(ENDINGS);

/** True when the whole piece is a particle, e.g. the 가 of `ECS가`. */
export const isParticle = (piece: string): boolean => PARTICLE_SET.has(piece);

/**
 * Every noun a Hangul word may be, one ending stripped: 볼륨에서는 → [볼륨], 재시작되는데요 → [재시작].
 * Longest stems first; the word itself is not included. Index both forms; at query time prefer
 * the form the index knows.
 */
export function stemsOf(word: string): string[] {
  const known = STEMS.get(word);
  if (known) return known;
  const stems: string[] = [];
  for (const ending of ENDINGS_BY_LAST.get(word.at(-1) ?? '') ?? []) {
    if (word.length > ending.length && word.endsWith(ending)) {
      const stem = word.slice(0, -ending.length);
      if (!stems.includes(stem)) stems.push(stem);
    }
  }
  stems.sort((a, b) => b.length - a.length);
  if (word.length > CACHED_WORD_CHARS) return stems;
  if (STEMS.size >= STEM_CACHE_SIZE) STEMS.clear();
  STEMS.set(word, stems);
  return stems;
}

/**
 * Endings only chat glues to a noun (충돌남, 에러났어요, 설치됨, 연결안됨): read off a question's
 * words, never off the notes' — there a word ending in 남 or 함 (포함) is mostly no noun + 나다.
 */
const CHAT_ENDINGS = ['났는데요', '났어요', '났는데', '나는데', '났음', '남', '됨', '함', '했음', '됐음', '안되는데', '안돼요', '안되요', '안됨', '안돼'];

/** The nouns a question's Hangul word may be, one chat ending stripped (충돌남 → 충돌), longest first. */
export function chatStemsOf(word: string): string[] {
  return CHAT_ENDINGS.filter((ending) => word.length > ending.length + 1 && word.endsWith(ending))
    .map((ending) => word.slice(0, -ending.length))
    .sort((a, b) => b.length - a.length);
}

// Indexing meets the same words again and again: remember their stems (bounded in entries and word length).
const STEM_CACHE_SIZE = 20_000;
const CACHED_WORD_CHARS = 32;
const STEMS = new Map<string, string[]>();
const ENDINGS_BY_LAST = new Map<string, string[]>();
for (const ending of ENDINGS) {
  const last = ending.at(-1) ?? '';
  ENDINGS_BY_LAST.set(last, [...(ENDINGS_BY_LAST.get(last) ?? []), ending]);
}

/** Singular of an English plural (volumes → volume, policies → policy), or undefined. */
export function englishSingular(word: string): string | undefined {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return undefined;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return undefined;
}
