/** Characters remembered per map: far more than Hangul syllables and Latin letters in use. */
const CAPACITY = 20_000;

/**
 * A per-character conversion (one character in, a string out), each character converted once.
 * Characters are code points, as `for…of` yields them.
 */
export class CharacterMap {
  private readonly known = new Map<string, string>();

  constructor(private readonly convert: (character: string) => string) {}

  of(character: string): string {
    let converted = this.known.get(character);
    if (converted === undefined) {
      converted = this.convert(character);
      if (this.known.size < CAPACITY) this.known.set(character, converted);
    }
    return converted;
  }
}

/** The text converted character by character. */
export function mapCharacters(text: string, map: CharacterMap): string {
  let out = '';
  for (const character of text) out += map.of(character);
  return out;
}
