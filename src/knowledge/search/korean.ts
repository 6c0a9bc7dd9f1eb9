import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Standard Korean words: the stems of hunspell-dict-ko (dictionary-ko, about 100,000). A Hangul
 * word the notes never use is either everyday Korean (직무, 상관, 문장, 담당) — how someone asks —
 * or a product the notes don't cover (레디스, 카프카, 테라폼, 오퍼레이터), which a standard dictionary
 * does not list. Loaded on the first unknown Hangul word.
 */
let standard: SortedWords | undefined;

export function isStandardKorean(word: string): boolean {
  standard ??= load();
  return standard.has(word.normalize('NFC'));
}

/**
 * The words sorted and joined in one string, found by binary search: about 1 MB, where a Set of
 * 100,000 strings would hold some 8 MB for as long as the bot runs.
 */
class SortedWords {
  constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
  ) {}

  has(word: string): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const found = this.wordAt(middle);
      if (found === word) return true;
      if (found < word) low = middle + 1;
      else high = middle;
    }
    return false;
  }

  private wordAt(i: number): string {
    // starts has one entry past the last word; each word is followed by one separator.
    return this.text.slice(this.starts[i], (this.starts[i + 1] ?? 1) - 1);
  }
}

function load(): SortedWords {
  // The package exports only its loader, which also reads the 11 MB affix file: read the word list beside it.
  const entry = createRequire(import.meta.url).resolve('dictionary-ko');
  const dic = readFileSync(join(dirname(entry), 'index.dic'));
  const words = new Set<string>();
  // The first line is the entry count; each entry is `stem/flags`, the stem in decomposed jamo (NFD).
  let start = dic.indexOf(0x0a) + 1;
  while (start > 0 && start < dic.length) {
    const end = dic.indexOf(0x0a, start);
    const lineEnd = end === -1 ? dic.length : end;
    const slash = dic.indexOf(0x2f, start);
    const stemEnd = slash !== -1 && slash < lineEnd ? slash : lineEnd;
    const stem = dic.toString('utf8', start, stemEnd).trim().normalize('NFC');
    if (stem) words.add(stem);
    start = end + 1;
  }
  const sorted = [...words].sort();
  const starts = new Uint32Array(sorted.length + 1);
  let offset = 0;
  sorted.forEach((word, i) => {
    starts[i] = offset;
    offset += word.length + 1;
  });
  starts[sorted.length] = offset;
  return new SortedWords(sorted.join('\n') + '\n', starts);
}

/**
 * Endings a verb takes, that may be cut off to find its dictionary form (찼길래 → 차다, 보니까 →
 * 보다). A fixed list: cutting any last syllable would read product names as verbs (크론 → 크다).
 */
const VERB_ENDINGS = [
  '자마자',
  '는거',
  '는법',
  '는게',
  '는건',
  '길래',
  '니까',
  '는데',
  '은데',
  '던데',
  '어서',
  '아서',
  '면서',
  '지만',
  '어도',
  '아도',
  '다가',
  '려고',
  '려면',
  '고',
  '면',
  '서',
  '도',
  '게',
  '기',
  '지',
  '자',
  '요',
  '네',
  '냐',
  '니',
  '며',
  '러',
  '나',
  '데',
] as const;
/** A thing said of a noun in chat (옛날꺼, 새거: the old one, the new one): the noun. */
const ONE_OF = /(?:꺼|거|껀|건)$/;
/** A word said as not done (안나옴, 못씀): the verb after it. */
const NEGATION = /^(?:안|못)(?=.)/;

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
/** Final consonants (jongseong indices) an ending leaves on the stem's last syllable: ㄴ ㄹ ㅁ ㅂ ㅆ. */
const ENDING_FINALS = new Set([4, 8, 16, 17, 20]);
/** ㄻ: an ㄹ stem with the ㅁ ending (엶 ← 열다, 만듦 ← 만들다). */
const ㄻ = 10;
/** Vowels a past or -아/어 ending contracts (봤 ← 보았, 줬 ← 주었, 켰 ← 키었, 됐 ← 되었, 떠 ← 뜨어), by jungseong index. */
const CONTRACTED_VOWELS = new Map([
  [9, 8],
  [14, 13],
  [6, 20],
  [10, 11],
  [4, 18],
]);
const ㅎ = 18;
const ㅐ = 1;
const ㅏ = 0;

/**
 * A Hangul word that is a form of a standard verb or adjective (커질 → 커지다, 찼길래 → 차다, 나옴 →
 * 나오다, 상세 → 상세하다): how someone says something, not a topic the notes lack.
 */
export function isStandardInflection(word: string): boolean {
  const text = word.normalize('NFC');
  if (ONE_OF.test(text) && text.length >= 3 && isStandardKorean(text.slice(0, -1))) return true;
  return verbStemsOf(text).length > 0;
}

/**
 * The dictionary stems a Hangul word may be a form of (큼 → 크, 엶 → 열, 안나옴 → 나오, 설정했는데
 * → 설정하): each stem + 다 (or + 하다) is a standard word. Empty for a word that is no verb form.
 */
export function verbStemsOf(word: string): string[] {
  const text = word.normalize('NFC');
  const bare = text.replace(NEGATION, '');
  const found: string[] = [];
  for (const form of new Set([text, bare])) {
    for (const stem of stemsOf(form)) {
      for (const base of baseForms(stem)) {
        if (found.includes(base)) continue;
        if (isStandardKorean(`${base}다`)) found.push(base);
        else if (base.length >= 2 && isStandardKorean(`${base}하다`)) found.push(`${base}하`);
      }
    }
  }
  return found;
}

/** Endings the notes write a verb with after its stem (크기, 열고, 크게, 줄이면). */
const NOTE_ENDINGS = ['다', '기', '고', '게', '지', '는', '면', '요'] as const;
/** Endings after the 아/어 form (커요, 열어서, 줄여도). */
const CONTRACTED_ENDINGS = ['', '요', '서', '도', '야'] as const;
/** The 아/어 form of a stem's last vowel (크 → 커, 줄이 → 줄여, 보 → 봐, 주 → 줘), by jungseong index. */
const 아어_FORMS = new Map([
  [18, 4], // ㅡ → ㅓ
  [20, 6], // ㅣ → ㅕ
  [8, 9], // ㅗ → ㅘ
  [13, 14], // ㅜ → ㅝ
]);
const ㄴ = 4;
const ㄹ = 8;

/**
 * Forms a verb stem takes in prose, for finding the verb a member typed in another form (큼 → 크기,
 * 커요, 큰): the stem with the commonest endings, with ㄴ/ㄹ as its final (큰, 클), and its 아/어 form.
 */
export function verbFormsOf(stem: string): string[] {
  const last = stem.charCodeAt(stem.length - 1);
  if (last < SYLLABLE_BASE || last > SYLLABLE_LAST) return [];
  const offset = last - SYLLABLE_BASE;
  const head = stem.slice(0, -1);
  const forms: string[] = NOTE_ENDINGS.map((ending) => stem + ending);
  if (offset % 28 !== 0) return forms;
  const vowel = Math.floor(offset / 28) % 21;
  const initial = Math.floor(offset / 28 / 21);
  const syllable = (v: number, final = 0) => String.fromCharCode(SYLLABLE_BASE + (initial * 21 + v) * 28 + final);
  forms.push(head + syllable(vowel, ㄴ), head + syllable(vowel, ㄹ));
  const contracted = initial === ㅎ && vowel === ㅏ ? head + syllable(ㅐ) : 아어_FORMS.has(vowel) ? head + syllable(아어_FORMS.get(vowel) ?? vowel) : undefined;
  if (contracted) forms.push(...CONTRACTED_ENDINGS.map((ending) => contracted + ending));
  return forms;
}

function stemsOf(word: string): string[] {
  const stems = [word];
  for (const ending of VERB_ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending)) stems.push(word.slice(0, -ending.length));
  }
  return stems;
}

/** The stem as written and with its last syllable's ending final or contraction undone (돌린 → 돌리, 봤 → 보, 했 → 하). */
function baseForms(stem: string): string[] {
  const last = stem.charCodeAt(stem.length - 1);
  if (last < SYLLABLE_BASE || last > SYLLABLE_LAST) return [];
  const offset = last - SYLLABLE_BASE;
  const final = offset % 28;
  const vowel = Math.floor(offset / 28) % 21;
  const initial = Math.floor(offset / 28 / 21);
  const head = stem.slice(0, -1);
  const syllable = (i: number, v: number) => String.fromCharCode(SYLLABLE_BASE + (i * 21 + v) * 28);
  const forms = [stem];
  if (ENDING_FINALS.has(final)) forms.push(head + syllable(initial, vowel));
  if (final === ㄻ) forms.push(head + String.fromCharCode(SYLLABLE_BASE + (initial * 21 + vowel) * 28 + ㄹ));
  if (final === 0 || final === 20) {
    const plain = CONTRACTED_VOWELS.get(vowel);
    if (plain !== undefined) forms.push(head + syllable(initial, plain));
    if (initial === ㅎ && vowel === ㅐ) forms.push(head + syllable(ㅎ, ㅏ));
  }
  return forms;
}
