/**
 * Text normalisation shared by indexing and querying: NFKC (full-width letters, odd dashes and
 * spaces become plain ones), lower case, single spaces.
 *
 * NFKC alone would turn compatibility jamo (ㄷㅋ, typed for 초성 queries) into conjoining jamo,
 * so runs of them are kept as they are, and stray conjoining initials (from decomposed input)
 * are mapped back to compatibility jamo.
 */
const COMPATIBILITY_JAMO_RUN = /[\u3131-\u318e]+/g;
// U+1100..U+1112 (conjoining initials) in order → their compatibility forms.
const INITIALS_AS_COMPATIBILITY = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const CONJOINING_INITIAL = /[\u1100-\u1112]/g;
// Whitespace runs and lone whitespace other than a plain space: what becomes a single space.
// (Replacing every run, single spaces included, costs several times more on long texts.)
const SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

export function normalizeText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(COMPATIBILITY_JAMO_RUN)) {
    out += text.slice(last, match.index).normalize('NFKC') + match[0];
    last = match.index + match[0].length;
  }
  out += text.slice(last).normalize('NFKC');
  return out
    .replace(CONJOINING_INITIAL, (c) => INITIALS_AS_COMPATIBILITY[c.charCodeAt(0) - 0x1100] ?? c)
    .toLowerCase()
    .replace(SPACE_TO_COLLAPSE, ' ')
    .trim();
}

/** The text without spaces, for spacing-insensitive comparison ("도커 볼륨" = "도커볼륨"). */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
