/**
 * Property-based tests for redaction (fast-check): whatever the text around it, a planted
 * secret never comes out; no input makes it throw; and the work stays linear on strings built
 * from the pieces the rules react to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineRedactor, scan } from '../../src/core/redact.ts';
import { arbitraryToken } from './redact-samples.ts';

/** Text around a secret: any code points, or the pieces the rules react to. */
const FRAGMENTS = [
  'key',
  'password',
  'token',
  'secret',
  'auth',
  'Authorization',
  'Bearer',
  'curl',
  'mysql',
  '-u',
  '-p',
  '--user',
  ' ',
  '  ',
  '\t',
  '\n',
  '=',
  ':',
  ': ',
  '"',
  "'",
  '\\',
  '\\"',
  '`',
  '{',
  '}',
  '[',
  ']',
  '(',
  ',',
  ';',
  '&',
  '?',
  '#',
  '@',
  '/',
  '://',
  'a',
  'Z',
  '7',
  '.',
  '-',
  '_',
  '$',
  '$apr1$',
  'eyJ',
  'ghp_',
  'xoxb-',
  'AKIA',
  'M',
  'sk-',
  '|',
  '>',
  '-----BEGIN ',
  'PRIVATE KEY-----',
  '-----END ',
  'hooks.slack.com/services/',
  ':thin:',
  '\x1b[',
  '31m',
  '\x1b[0m',
  '\x9b',
  '\\u001b[',
  '\\033[',
  'Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+Ab1+',
  '한글',
  '\u202e',
];
/** One character of `set` (ASCII only, so splitting by code unit is exact). */
const chars = (set: string) => fc.constantFrom(...set.split(''));

const piecesText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), piecesText);
/** Between the surrounding text and the secret: whitespace, so the secret starts a word. */
const gap = fc.constantFrom(' ', '\n', '\t', ' \n ');

const alnum = fc.string({
  unit: chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  minLength: 6,
  maxLength: 30,
});
const letter = chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');

/** A secret name: words around a secret word (`PGPASSWORD`, `db_password`, `Api-Token`, `BASIC_AUTH`). */
const secretName = fc
  .tuple(
    fc.constantFrom('', 'DB', 'PG', 'MYSQL', 'APP', 'ROOT', 'REDIS', 'JWT', 'CLIENT', 'GITHUB'),
    fc.constantFrom('_', '', '.', '-'),
    fc.constantFrom('PASSWORD', 'PASSWD', 'TOKEN', 'SECRET', 'API_KEY', 'ACCESS_KEY', 'CREDENTIALS', 'AUTH', 'PASS'),
    fc.boolean(),
  )
  .filter(([before, join, word]) => !(before === '' && join !== '') && !(word === 'PASS' && join === ''))
  .map(([before, join, word, lower]) => {
    const name = `${before}${join}${word}`;
    return lower ? name.toLowerCase() : name;
  });

interface Planted {
  text: string;
  secret: string;
}

const keyValue: fc.Arbitrary<Planted> = fc
  .tuple(
    secretName,
    fc.tuple(letter, alnum).map(([first, rest]) => first + rest),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([name, value, form]) => {
    const forms = [
      `${name}=${value}`,
      `${name}: ${value}`,
      `"${name}": "${value}"`,
      `{\\"${name}\\":\\"${value}\\"}`,
      `--${name} ${value}`,
      `https://h.example/x?${name}=${value}&page=2`,
      `${name}=\x1b[31m${value}\x1b[0m`,
    ];
    return { text: forms[form] ?? forms[0] ?? '', secret: value };
  });

const urlPassword: fc.Arbitrary<Planted> = fc
  .tuple(
    fc.constantFrom('postgres', 'mysql', 'redis', 'https', 'amqp', 'mongodb+srv'),
    fc.string({ unit: chars('abcdefgh'), maxLength: 8 }),
    letter,
    fc.string({ unit: chars('abcXYZ0129/#@!$%^*-_.~'), minLength: 6, maxLength: 24 }),
  )
  .map(([scheme, user, first, rest]) => {
    const password = first + rest;
    return { text: `${scheme}://${user}:${password}@db.example:5432/app`, secret: password };
  });

const commandLine: fc.Arbitrary<Planted> = fc.tuple(alnum, fc.constantFrom(0, 1, 2)).map(([password, form]) => {
  const forms = [
    `curl -u admin:${password} https://h.example`,
    `curl --user=admin:${password} https://h.example`,
    `mysql -uroot -p${password} app`,
  ];
  return { text: forms[form] ?? '', secret: password };
});

const token: fc.Arbitrary<Planted> = arbitraryToken.map((sample) => ({ text: sample.text, secret: sample.secret }));

const planted = fc.oneof(token, keyValue, urlPassword, commandLine);

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
  return count;
}

describe('redaction (property-based)', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }), (texts) => {
        const text = texts.join('\n');
        expect(typeof scan(text).text).toBe('string');
        const redactor = new LineRedactor();
        for (const line of texts) expect(typeof redactor.line(line)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a planted secret through, whatever surrounds it', () => {
    fc.assert(
      fc.property(anyText, gap, planted, gap, anyText, (before, left, secret, right, after) => {
        const text = `${before}${left}${secret.text}${right}${after}`;
        const around = occurrences(before, secret.secret) + occurrences(after, secret.secret);
        expect(occurrences(scan(text).text, secret.secret)).toBeLessThanOrEqual(around);
        // Line by line, as the log reader reads.
        const redactor = new LineRedactor();
        const lines = text.split('\n').map((line) => redactor.line(line));
        expect(occurrences(lines.join('\n'), secret.secret)).toBeLessThanOrEqual(around);
      }),
      { numRuns: 500 },
    );
  });

  it('hides a private key body, from its BEGIN line or from anywhere inside it', () => {
    const bodyLine = fc
      .string({
        unit: chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
        minLength: 64,
        maxLength: 64,
      })
      .map((line) => `Ab1${line.slice(3)}`);
    fc.assert(
      fc.property(
        fc.array(bodyLine, { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.boolean(),
        (body, cut, fromBegin) => {
          const block = ['-----BEGIN OPENSSH PRIVATE KEY-----', ...body, 'Ab1/xY', '-----END OPENSSH PRIVATE KEY-----'];
          const shown = fromBegin ? block : block.slice(1 + (cut % body.length));
          const redactor = new LineRedactor();
          const out = shown.map((line) => redactor.line(line)).join('\n');
          for (const line of body) expect(out).not.toContain(line);
          expect(out).not.toContain('Ab1/xY');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does work linear in the input on strings made of what the rules react to', () => {
    const LENGTH = 20_000;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 12 }), (parts) => {
        const unit = parts.join('');
        const text = unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
        expect(scan(text).steps / LENGTH).toBeLessThanOrEqual(40);
      }),
      { numRuns: 150 },
    );
  });
});
