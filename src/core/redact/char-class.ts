/** A set of ASCII characters, looked up by code: the scanners' only way to test a character. */
export type CharClass = Uint8Array;

/** `charClass('A-Za-z0-9_-')`: ranges and single characters; a `-` first or last is itself. */
export function charClass(spec: string): CharClass {
  const table = new Uint8Array(128);
  for (let i = 0; i < spec.length; i++) {
    const from = spec.charCodeAt(i);
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      const to = spec.charCodeAt(i + 2);
      for (let c = from; c <= to; c++) table[c] = 1;
      i += 2;
    } else {
      table[from] = 1;
    }
  }
  return table;
}

export function inClass(table: CharClass, code: number): boolean {
  return code < 128 && table[code] === 1;
}

export function union(...tables: CharClass[]): CharClass {
  const out = new Uint8Array(128);
  for (const table of tables) for (let c = 0; c < 128; c++) if (table[c]) out[c] = 1;
  return out;
}

/** Letters, digits and underscore: a token only starts where the character before is not one. */
export const WORD = charClass('A-Za-z0-9_');
export const ALNUM = charClass('A-Za-z0-9');
export const UPPER_ALNUM = charClass('A-Z0-9');
export const HEX = charClass('a-fA-F0-9');
export const DIGITS = charClass('0-9');
export const LETTERS = charClass('A-Za-z');
/** base64url, and most token bodies: letters, digits, `_` and `-`. */
export const B64URL = charClass('A-Za-z0-9_-');
export const B64 = charClass('A-Za-z0-9+/=');
/** RFC 7235 token68, what follows `Bearer `. */
export const TOKEN68 = charClass('A-Za-z0-9._~+/=-');
export const BLANK = charClass(' \t');
/** Whitespace that ends a value (space, tab, CR, LF, FF, VT). */
export const SPACE = charClass(' \t\r\n\f\v');

export function isSpace(code: number): boolean {
  return inClass(SPACE, code);
}
