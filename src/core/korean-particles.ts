import { hasBatchim, josa, numberToHangul } from 'es-hangul';

/**
 * Korean particles that change with the word before them, written `with batchim/without`:
 * es-hangul's forms plus the copula's. The particle follows the word as it is read aloud,
 * so `1로` (일), `3으로` (삼), `nginx가` (엔진엑스), `web을` (웹), `11.8 MB예요` (메가바이트).
 */
type JosaOption = Parameters<typeof josa.pick>[1];

/** The pairs es-hangul's `josa.pick` knows. */
const ES_HANGUL_PARTICLES = [
  '이/가',
  '을/를',
  '은/는',
  '으로/로',
  '와/과',
  '이나/나',
  '이란/란',
  '아/야',
  '이랑/랑',
  '이에요/예요',
  '으로서/로서',
  '으로써/로써',
  '으로부터/로부터',
  '이라/라',
] as const satisfies readonly JosaOption[];

export const PARTICLES = [
  ...ES_HANGUL_PARTICLES,
  '이어야/여야',
  '이었/였',
  '이면/면',
  '이야/야',
  '이라고/라고',
  '이고/고',
] as const;

export type Particle = (typeof PARTICLES)[number];

const ES_HANGUL_FORMS: ReadonlySet<string> = new Set<string>(ES_HANGUL_PARTICLES);

function isJosaOption(pair: Particle): pair is Particle & JosaOption {
  return ES_HANGUL_FORMS.has(pair);
}

/** The particle alone, chosen by how `word` ends when read aloud: `particle('nginx', '이/가')` → `가`. */
export function particle(word: string, pair: Particle): string {
  const syllable = lastSyllable(word);
  if (isJosaOption(pair)) return josa.pick(syllable, pair);
  const [withBatchim = '', without = ''] = pair.split('/');
  return hasBatchim(syllable) ? withBatchim : without;
}

/** The word followed by its particle: `withParticle('`web`', '을/를')` → `` `web`을 ``. */
export function withParticle(word: string, pair: Particle): string {
  return word + particle(word, pair);
}

/** Whether the word, read aloud, ends in a final consonant (받침). */
export function endsInBatchim(word: string): boolean {
  return hasBatchim(lastSyllable(word));
}

// Representative syllables for the final sound: only the 받침 matters (ㄹ apart, for 으로/로).
const OPEN = '이';
const FINAL = { ㄱ: '익', ㄴ: '인', ㄹ: '일', ㅁ: '임', ㅂ: '입', ㅅ: '잇', ㅇ: '잉', open: OPEN } as const;
type FinalSound = keyof typeof FINAL;
const final = (sound: FinalSound): string => FINAL[sound];

/** Wrappers and punctuation after the word that are not read: code spans, quotes, brackets, `…`, `.`. */
const UNREAD_TAIL = /[\s`'"’”」』>\]}.,:;!?…*_~/\\|=-]+$/u;
const SHEBANG = /#!\s*[`'"]*$/;
const HANGUL_SYLLABLE = /[\uac00-\ud7a3]$/u;
const JAMO_NAMES: Record<string, string> = {
  ㄱ: '역',
  ㄲ: '역',
  ㄴ: '은',
  ㄷ: '귿',
  ㄸ: '귿',
  ㄹ: '을',
  ㅁ: '음',
  ㅂ: '읍',
  ㅃ: '읍',
  ㅅ: '옷',
  ㅆ: '옷',
  ㅇ: '응',
  ㅈ: '읒',
  ㅉ: '읒',
  ㅊ: '읓',
  ㅋ: '읔',
  ㅌ: '읕',
  ㅍ: '읖',
  ㅎ: '읗',
};

/**
 * A syllable that ends like `word` read aloud (its 받침 is what picks a particle). Reads:
 * Hangul as written; numbers in Korean (`8080` 팔천팔십, `11.8` …팔, `0` 영), or in English
 * after a short name (`v1` 원, `S3` 쓰리); units after a number (`MB` 메가바이트, `16m` 분);
 * Latin words as Koreans say them (`nginx` 엔진엑스, `web` 웹, `app` 앱, `api` 에이피아이,
 * `db` 디비), acronyms letter by letter (`tcp` 피, `URL` 엘). What follows in brackets is
 * skipped, as Korean does (`컨테이너(web)를`).
 */
export function lastSyllable(word: string): string {
  if (SHEBANG.test(word)) return OPEN; // 셔뱅
  let text = word.replace(UNREAD_TAIL, '');
  for (;;) {
    const withoutAside = dropTrailingAside(text);
    if (withoutAside === text) break;
    text = withoutAside.replace(UNREAD_TAIL, '');
  }
  const last = text.at(-1) ?? '';
  if (HANGUL_SYLLABLE.test(last)) return last;
  if (last in JAMO_NAMES) return JAMO_NAMES[last] ?? OPEN;
  if (/\d/.test(last)) return numberEnding(text);
  if (/[A-Za-z]/.test(last)) return latinEnding(text);
  return SYMBOLS[last] ?? OPEN;
}

/** `컨테이너(web)` → `컨테이너`; a bracket with nothing before it is read itself: `(8080)` → `8080`. */
function dropTrailingAside(text: string): string {
  if (!text.endsWith(')')) return text;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i];
    if (char === ')') depth++;
    else if (char === '(' && --depth === 0) {
      const before = text.slice(0, i).trimEnd();
      return before ? before : text.slice(1, -1);
    }
  }
  return text;
}

const SYMBOLS: Record<string, string> = { '%': OPEN, '+': OPEN, '#': final('ㅂ'), '°': OPEN, '℃': OPEN };

const KOREAN_DIGITS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const ENGLISH_DIGITS: FinalSound[] = [
  'open', // zero
  'ㄴ', // one
  'open', // two
  'open', // three
  'open', // four
  'open', // five
  'open', // six
  'ㄴ', // seven
  'ㅅ', // eight
  'ㄴ', // nine
];

function numberEnding(text: string): string {
  const digits = /\d+$/.exec(text)?.[0] ?? '0';
  const before = text.slice(0, text.length - digits.length);
  // Decimals and dotted versions are read digit by digit after the point: 11.8 → 십일 점 팔.
  if (before.endsWith('.') && /\d$/.test(before.slice(0, -1))) return KOREAN_DIGITS[Number(digits.at(-1))] ?? OPEN;
  // A short name with a number is read in English: v1 (브이원), S3 (에스쓰리), EC2, python3.
  if (digits.length <= 2 && /(?:^|[^A-Za-z0-9])[A-Za-z]{1,8}$/.test(before)) return englishNumberEnding(digits);
  if (digits.length > 15) return KOREAN_DIGITS[Number(digits.at(-1))] ?? OPEN;
  return numberToHangul(Number(digits)).at(-1) ?? OPEN;
}

function englishNumberEnding(digits: string): string {
  const value = Number(digits);
  if (value === 10 || value === 11 || (value >= 13 && value <= 19)) return final('ㄴ'); // ten, eleven, -teen
  if (value === 12 || (value >= 20 && value % 10 === 0)) return OPEN; // twelve, -ty
  return final(ENGLISH_DIGITS[value % 10] ?? 'open');
}

/** Units read after a number, by how they end: 메가바이트, 분, 시간, 일. */
const UNITS: Record<string, string> = {
  b: OPEN,
  kb: OPEN,
  mb: OPEN,
  gb: OPEN,
  tb: OPEN,
  kib: OPEN,
  mib: OPEN,
  gib: OPEN,
  tib: OPEN,
  k: OPEN, // 킬로
  g: OPEN, // 기가
  t: OPEN, // 테라
  ms: OPEN, // 밀리초
  s: OPEN, // 초
  sec: OPEN,
  m: final('ㄴ'), // 분 (10m, 16m: durations)
  min: final('ㄴ'),
  h: final('ㄴ'), // 시간
  hr: final('ㄴ'),
  d: final('ㄹ'), // 일
  w: OPEN, // 주
  y: final('ㄴ'), // 년
  px: OPEN,
  x: OPEN, // 배
};

/** Words Koreans say differently from their spelling (or that the rules below would get wrong). */
const SAID: Record<string, string> = {
  nginx: OPEN, // 엔진엑스
  api: OPEN, // 에이피아이
  ip: OPEN, // 아이피
  ok: OPEN, // 오케이
  ecr: final('ㄹ'), // 이씨알
  hub: OPEN, // 허브
  github: OPEN, // 깃허브
  gitlab: final('ㅂ'),
  sub: OPEN, // 서브
  check: OPEN, // 체크
  healthcheck: OPEN,
  readme: OPEN, // 리드미
  type: final('ㅂ'), // 타입
  user: OPEN, // 유저
  web: final('ㅂ'), // 웹
  app: final('ㅂ'), // 앱
  get: final('ㅅ'), // 겟
  set: final('ㅅ'),
  put: final('ㅅ'),
  exit: OPEN, // 엑시트
  s3: OPEN, // 에스쓰리
  io: OPEN,
  yes: OPEN,
  none: final('ㄴ'),
  true: OPEN,
  false: OPEN,
};

const VOWELS = /[aeiou]/;

function latinEnding(text: string): string {
  const word = /[A-Za-z]+$/.exec(text)?.[0] ?? '';
  const before = text.slice(0, text.length - word.length);
  const lower = word.toLowerCase();
  if (/\d\s?$/.test(before) && lower in UNITS) return UNITS[lower] ?? OPEN;
  const said = SAID[lower];
  if (said !== undefined) return said;
  for (const [suffix, ending] of SAID_SUFFIXES)
    if (lower.length > suffix.length && lower.endsWith(suffix)) return ending;
  if (word.length === 1 || !VOWELS.test(lower) || (word === word.toUpperCase() && word.length <= 3)) {
    return letterName(word.at(-1) ?? '');
  }
  return wordEnding(lower);
}

/** Compounds read by their last part: `healthcheck`, `dockerhub`, `webapp`. */
const SAID_SUFFIXES: Array<[string, string]> = [
  ['check', OPEN],
  ['hub', OPEN],
  ['app', final('ㅂ')],
];

/** How each letter's name ends: 에이, 비, 씨, 디, … 엘 (ㄹ), 엠 (ㅁ), 엔 (ㄴ), 알 (ㄹ). */
function letterName(letter: string): string {
  switch (letter.toUpperCase()) {
    case 'L':
    case 'R':
      return final('ㄹ');
    case 'M':
      return final('ㅁ');
    case 'N':
      return final('ㄴ');
    default:
      return OPEN;
  }
}

/** A silent e after these leaves a 받침: 테이블, 타임, 라인. */
const SILENT_E_AFTER: Record<string, string> = { l: final('ㄹ'), m: final('ㅁ'), n: final('ㄴ') };

/**
 * A Latin word's last sound as Koreans borrow it: m, n, ng, l end in 받침 (파이썬, 셸); r and
 * most final consonants end open (도커, 로그, 빌드, 리눅스); a short vowel before p, t, k, b, c
 * makes a 받침 (앱, 봇, 스택, 랩, 맥); a silent e leaves the consonant before it (노드, 이미지),
 * except -le, -me, -ne (테이블, 타임, 라인).
 */
function wordEnding(word: string): string {
  const last = word.at(-1) ?? '';
  const before = word.at(-2) ?? '';
  const shortVowelBefore = VOWELS.test(before) && !VOWELS.test(word.at(-3) ?? '');
  if (word.endsWith('ng')) return final('ㅇ');
  switch (last) {
    case 'm':
      return final('ㅁ');
    case 'n':
      return final('ㄴ');
    case 'l':
      return final('ㄹ');
    case 'e':
      return SILENT_E_AFTER[before] ?? OPEN;
    case 'k':
      if (before === 'c' || shortVowelBefore || word.endsWith('ook')) return final('ㄱ');
      return OPEN;
    case 'c':
      return VOWELS.test(before) ? final('ㄱ') : OPEN;
    case 'p':
      if (before === 'p' || (VOWELS.test(before) && !word.endsWith('oop') && !word.endsWith('oap'))) return final('ㅂ');
      return OPEN;
    case 't':
      if (before === 't' || shortVowelBefore || word.endsWith('out')) return final('ㅅ');
      return OPEN;
    case 'b':
      if (before === 'b' || shortVowelBefore) return final('ㅂ');
      return OPEN;
    default:
      return OPEN;
  }
}
