/**
 * fast-check arbitraries for text a careless or hostile member may send: long words without
 * spaces (Hangul syllables, Latin, mixed scripts), runs of one jamo, control characters and
 * terminal escapes, lone surrogates, astral characters, huge and odd numbers. Up to Discord's
 * 6,000 characters per interaction.
 */
import fc from 'fast-check';

/** Discord's limit for all the text of one interaction. */
export const DISCORD_MAX_CHARS = 6_000;

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
const oneOf = (characters: string) => fc.constantFrom(...Array.from(characters));

const hangulSyllable = codePoint(0xac00, 0xd7a3);
const compatibilityJamo = codePoint(0x3131, 0x318e);
const conjoiningJamo = codePoint(0x1100, 0x11ff);
const latin = oneOf('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const digit = oneOf('0123456789');
const punctuation = oneOf(' .:/=+-_@\'"`()[]{}<>,;|!?#~^&\\*%$');
const whitespace = oneOf(' \t\n\r\u3000\u00a0\u200b');
const control = fc.oneof(
  codePoint(0, 0x1f),
  codePoint(0x7f, 0x9f),
  fc.constant('\u001b[31m'),
  fc.constant('\u001b]8;;'),
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

/** One character (or short escape) of hostile text. */
export const hostileCharacter: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hangulSyllable, weight: 4 },
  { arbitrary: latin, weight: 3 },
  { arbitrary: compatibilityJamo, weight: 2 },
  { arbitrary: digit, weight: 2 },
  { arbitrary: punctuation, weight: 2 },
  { arbitrary: whitespace, weight: 2 },
  { arbitrary: conjoiningJamo, weight: 1 },
  { arbitrary: control, weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: anyCodePoint, weight: 1 },
);

/** A huge, tiny or odd number as text. */
export const oddNumber: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((n) => '9'.repeat(n)),
  fc.constantFrom('1e308', '1e309', '-1e400', '5e-324', 'NaN', 'Infinity', '-Infinity', '-0', '0x1f', '0b11', '1_000'),
  fc.constantFrom(' 7 ', '+3', '3.', '.5', '1e3', '２５', '٣', '', ' '),
  fc.double().map(String),
  fc.bigInt().map(String),
);

/** Hostile text of up to `max` characters: mixtures, long runs of one character, long unspaced words. */
export function hostileText(max = DISCORD_MAX_CHARS): fc.Arbitrary<string> {
  const clip = (text: string) => text.slice(0, max);
  return fc.oneof(
    fc.array(hostileCharacter, { maxLength: 200 }).map((cs) => clip(cs.join(''))),
    fc.array(hostileCharacter, { minLength: 200, maxLength: 2_500 }).map((cs) => clip(cs.join(''))),
    fc
      .tuple(fc.oneof(hangulSyllable, compatibilityJamo, latin, punctuation, loneSurrogate), fc.nat({ max }))
      .map(([c, n]) => clip(c.repeat(n))),
    fc.array(hangulSyllable, { minLength: 50, maxLength: 2_500 }).map((cs) => clip(cs.join(''))),
    fc
      .array(fc.oneof(hangulSyllable, latin, digit), { minLength: 50, maxLength: 2_500 })
      .map((cs) => clip(cs.join(''))),
    fc.array(oddNumber, { maxLength: 40 }).map((ns) => clip(ns.join(' '))),
  );
}
