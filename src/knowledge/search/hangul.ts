import { convertHangulToQwerty, convertQwertyToHangul, disassemble, getChoseong, getJongseong } from 'es-hangul';
import { CharacterMap, mapCharacters } from './character-map.ts';
import { countWork } from './work.ts';

const SYLLABLES_ONLY = /^[가-힣]+$/;
const CHOSEONG_ONLY = /^[ㄱ-ㅎ]+$/;
const LATIN_LETTERS_ONLY = /^[a-z]+$/;
const WHITESPACE = /\s/;

// es-hangul answers character by character (getChoseong normalises to NFD first, but keeps
// only starters, so it too is per character), and the same few syllables recur endlessly.
const JAMO = new CharacterMap(disassemble);
const INITIALS = new CharacterMap(getChoseong);
const INITIALS_WITHOUT_SPACE = new CharacterMap((c) => (WHITESPACE.test(c) ? '' : getChoseong(c)));
const FINALS = new CharacterMap(getJongseong);

export const isHangulWord = (word: string): boolean => SYLLABLES_ONLY.test(word);
/** A word typed as initial consonants only, e.g. ㄷㅋ for 도커. */
export const isChoseongWord = (word: string): boolean => CHOSEONG_ONLY.test(word);

/** Jamo spelling, compound vowels and final clusters split: 볼륨 → ㅂㅗㄹㄹㅠㅁ. Other characters stay. */
export const jamo = (text: string): string => mapCharacters(text, JAMO);

/** Initial consonants of each syllable, other characters dropped: 도커 컴포즈 → ㄷㅋㅋㅍㅈ. */
export const choseong = (text: string): string => mapCharacters(text, INITIALS_WITHOUT_SPACE);

/**
 * The consonant spellings a member may type for a word in 초성 shorthand: initials only, or
 * with some syllables' final consonants too (컨테이너 → ㅋㅌㅇㄴ, ㅋㄴㅌㅇㄴ). Up to `max` variants.
 */
export function consonantSpellings(word: string, max = 16): string[] {
  let variants = [''];
  for (const syllable of word) {
    const initial = INITIALS.of(syllable);
    if (!initial) continue;
    const final = FINALS.of(syllable);
    const next = variants.map((v) => v + initial);
    if (final && variants.length * 2 <= max) next.push(...variants.map((v) => v + initial + final));
    variants = next;
  }
  return variants.filter(Boolean);
}

/** Vowels (medial index) a verb stem's last syllable contracts to before 요: 떠요, 봐요, 돼요, 커요, 써요. */
const CONTRACTED_VOWELS = new Set([0, 1, 4, 5, 6, 9, 10, 11, 14]); // ㅏ ㅐ ㅓ ㅔ ㅕ ㅘ ㅙ ㅚ ㅝ

/**
 * A polite verb form contracted into one syllable before 요 (떠요, 봐요, 돼요, 커요): the syllable
 * has no final consonant and one of the vowels 어/아 merge into. Nouns that end in 요 keep a
 * final consonant or another vowel before it (필요, 중요, 수요).
 */
export function isContractedPolite(word: string): boolean {
  if (word.length < 2 || !word.endsWith('요')) return false;
  const code = word.charCodeAt(word.length - 2) - 0xac00;
  if (code < 0 || code > 11171) return false;
  const final = code % 28;
  const medial = Math.floor(code / 28) % 21;
  return final === 0 && CONTRACTED_VOWELS.has(medial);
}

/** Adjacent syllable pairs of a Hangul word: 도커볼륨 → 도커, 커볼, 볼륨. */
export function syllableBigrams(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/**
 * The Hangul a member meant when typing with the English layout on (`ehzj` → 도커), or
 * undefined when the keys don't spell whole syllables.
 */
export function hangulFromQwerty(word: string): string | undefined {
  // Two syllables take at least four keys (initial and vowel each): shorter words need no conversion.
  if (word.length < 4 || !LATIN_LETTERS_ONLY.test(word)) return undefined;
  countWork(word.length * word.length);
  const converted = attempt(() => convertQwertyToHangul(word));
  return converted && isHangulWord(converted) && converted.length >= 2 ? converted : undefined;
}

/** The English word typed with the Korean layout on (`애찯ㄱ` → docker), if any. */
export function qwertyFromHangul(word: string): string | undefined {
  if (!/^[가-힣ㄱ-ㅣ]+$/.test(word)) return undefined;
  countWork(word.length);
  const converted = attempt(() => convertHangulToQwerty(word));
  return converted && LATIN_LETTERS_ONLY.test(converted) ? converted : undefined;
}

/** es-hangul throws on key sequences that assemble to no syllable (`how` → ㅗㅐㅈ). */
function attempt(convert: () => string): string | undefined {
  try {
    return convert();
  } catch {
    return undefined;
  }
}

/**
 * Levenshtein distance, giving up (returning max + 1) once it must exceed `max`.
 * Used on jamo spellings, so 볼룸/볼륨 are 1 apart instead of a whole syllable.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  countWork(a.length * b.length);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      // In range by construction: `?? 0` only satisfies the checker.
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? max + 1;
}

/** A Latin word with two neighbouring letters swapped (docekr, contianer): one slip, though two edits. */
export function letterSwaps(word: string): string[] {
  if (!/^[a-z]{4,}$/.test(word)) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.add(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
  }
  return [...out];
}

/**
 * Spellings one slip of the fingers away that jamo edits count as two: two neighbouring syllables
 * swapped (너이 for 이너), or their initial consonants swapped (컨테니어 for 컨테이너).
 */
export function syllableSwaps(word: string): string[] {
  if (!isHangulWord(word) || word.length < 2) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    const a = word.charCodeAt(i) - 0xac00;
    const b = word.charCodeAt(i + 1) - 0xac00;
    const head = word.slice(0, i);
    const tail = word.slice(i + 2);
    out.add(head + word.slice(i + 1, i + 2) + word.slice(i, i + 1) + tail);
    const [initialA, restA] = [Math.floor(a / 588), a % 588];
    const [initialB, restB] = [Math.floor(b / 588), b % 588];
    if (initialA !== initialB) {
      out.add(head + String.fromCharCode(0xac00 + initialB * 588 + restA, 0xac00 + initialA * 588 + restB) + tail);
    }
  }
  out.delete(word);
  return [...out];
}
