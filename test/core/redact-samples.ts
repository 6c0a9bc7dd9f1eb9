/**
 * Secret samples built from the token rules themselves, so every rule is tested (unit tests
 * take the smallest sample, the fuzz test random ones). Built at run time: no secret-shaped
 * literal sits in the repository.
 */
import fc from 'fast-check';
import type { CharClass } from '../../src/core/redact/char-class.ts';
import { TOKEN_RULES, type TokenRule } from '../../src/core/redact/token-rules.ts';

export function classChars(chars: CharClass): string[] {
  const out: string[] = [];
  for (let c = 0; c < 128; c++) if (chars[c]) out.push(String.fromCharCode(c));
  return out;
}

export interface TokenSample {
  rule: TokenRule;
  /** The whole token. */
  text: string;
  /** The part that must never show (the prefix of a webhook or hash stays). */
  secret: string;
}

/** A sample of `rule`: each run `length(run)` characters long, cycling through its class. */
export function tokenSample(
  rule: TokenRule,
  prefix: string,
  pick: (chars: string[], min: number, max: number | undefined) => string,
): TokenSample {
  let text = prefix;
  let secret = '';
  rule.parts.forEach((part, index) => {
    const piece = typeof part === 'string' ? part : pick(classChars(part.chars), part.min, part.max);
    text += piece;
    if (index >= (rule.hideFrom ?? 0)) secret += piece;
  });
  return { rule, text, secret };
}

/** A mix that looks random: letters of both cases and digits where the class has them. */
export function mixed(chars: string[], min: number, max?: number): string {
  const length = Math.max(min, max ?? 0, 1);
  const preferred = ['a', 'Z', '7', 'k', 'Q', '3', 'm', 'X', '9', 'b', 'R', '5'].filter((c) => chars.includes(c));
  const pool = preferred.length > 0 ? preferred : chars;
  let out = '';
  for (let i = 0; i < length; i++) out += pool[(i * 7 + 3) % pool.length] ?? '';
  return out;
}

/** One sample per prefix of every rule. */
export function everyTokenSample(): TokenSample[] {
  return TOKEN_RULES.flatMap((rule) => rule.prefixes.map((prefix) => tokenSample(rule, prefix, mixed)));
}

/** A random sample of a random rule: random class characters, at least the minimum length. */
export const arbitraryToken: fc.Arbitrary<TokenSample> = fc
  .constantFrom(...TOKEN_RULES.flatMap((rule) => rule.prefixes.map((prefix) => ({ rule, prefix }))))
  .chain(({ rule, prefix }) =>
    fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 200, maxLength: 200 }).map((seeds) => {
      let n = 0;
      const next = () => seeds[n++ % seeds.length] ?? 0;
      return tokenSample(rule, prefix, (chars, min, max) => {
        const length = max ?? Math.max(min, 1) + (next() % 12);
        let out = '';
        for (let i = 0; i < length; i++) out += chars[next() % chars.length] ?? '';
        return out;
      });
    }),
  );
