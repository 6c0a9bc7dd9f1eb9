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

/** `unit` repeated to exactly `length` characters. */
export const repeat = (unit: string) => (length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
/** Lines of `unit`, about `length` characters in all. */
export const lines = (unit: string) => (length: number) => {
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    out.push(unit);
    size += unit.length + 1;
  }
  return out.join('\n');
};

/** Inputs that are worst cases for one rule or another (the linearity tests and the bench). */
export const ADVERSARIAL: Record<string, (length: number) => string> = {
  'key a.a.a… (the issue’s line)': (n) => 'key ' + repeat('a.')(n - 4),
  'a=a=a=…': repeat('a='),
  'password=password=…': repeat('password='),
  'password then spaces': (n) => 'password' + ' '.repeat(n - 8),
  'unclosed quoted value': (n) => 'password: "' + repeat('a\\')(n - 11),
  'quotes and escaped quotes': repeat('\\"\''),
  'escaped JSON keys': repeat('\\"token\\":\\"'),
  '--password --password …': repeat('--password '),
  'Authorization: Basic …': repeat('Authorization: Basic '),
  'eyJa.eyJa.…': repeat('eyJa.'),
  'eyJ-eyJ-…': repeat('eyJ-'),
  'M-M-M… (Discord token starts)': repeat('M-'),
  'MAAAA…AAA.': (n) => 'M' + repeat('A')(n - 2) + '.',
  'AKIA AKIA …': repeat('AKIA'),
  'ghp_ghp_…': repeat('ghp_'),
  'sk-sk-…': repeat('sk-'),
  ':// without @': repeat('a://b:c/'),
  ':// with @ far away': (n) => 'x://u:' + repeat('p/')(n - 7) + '@',
  'user:pass@ many': repeat('s://u:p@h '),
  ':thin: …': repeat(':thin:a/'),
  '-----BEGIN without end': repeat('-----BEGIN '),
  'BEGIN PRIVATE KEY without END': repeat('-----BEGIN RSA PRIVATE KEY-----'),
  'ESC[ without m': repeat('\x1b[1;2;3'),
  'ESC[…m colours': repeat('\x1b[1;31m'),
  '8-bit CSI': repeat('\x9b1;'),
  'colour codes written as text': repeat('\\u001b[1;\\033[2m\\e['),
  '$apr1$…': repeat('$apr1$'),
  '$$2y$$…': repeat('$$2y$$.'),
  'Bearer Bearer …': repeat('Bearer '),
  'curl -u a: …': (n) => 'curl ' + repeat('-u a: ')(n - 5),
  'mysql -p…': (n) => 'mysql ' + repeat('-pX ')(n - 6),
  'webhook prefixes': repeat('hooks.slack.com/services/'),
  'discord.com/api/v…': repeat('discord.com/api/v1'),
  'one long base64 line': repeat('Ab1+'),
  'base64 lines of PEM width': lines('Ab1+'.repeat(16)),
  'YAML blocks under secret keys': lines('password: |'),
  'wrapped tokens': lines('x ghp_a1B2c3D4'),
  'hint words': repeat('passtokenkeysecretcredauthpwd'),
  'random-looking mix': (n) => {
    let out = '';
    const pieces = ['key', ' ', '=', ':', '"', 'a.', '://', '@', '-', 'eyJ', '\\', '\n'];
    for (let i = 0; out.length < n; i++) out += pieces[(i * 7919) % pieces.length] ?? '';
    return out.slice(0, n);
  },
};
