/**
 * Redaction is linear in its input (issue 13: one 4,000-character line of `key a.a.a…` took
 * 33 ms, 9,000 of them stalled `docker logs` for 19 s). The scanners count the characters
 * they examine (`scan().steps`): on inputs built to make backtracking regexes explode, that
 * count grows like the input. A second check times 10× the input against 1×, with repeats:
 * quadratic work would take ~100×, linear ~10×. Absolute speed is in bench/redact.bench.ts.
 */
import { describe, expect, it } from 'vitest';
import { LineRedactor, scan } from '../../src/core/redact.ts';

const repeat = (unit: string) => (length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const lines = (unit: string) => (length: number) => {
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    out.push(unit);
    size += unit.length + 1;
  }
  return out.join('\n');
};

/** Inputs that are worst cases for one rule or another. */
const ADVERSARIAL: Record<string, (length: number) => string> = {
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

const SMALL = 2_000;
const LARGE = 20_000;
/** Characters examined per input character: a constant, whatever the input. */
const STEPS_PER_CHAR = 40;

describe('redaction work is linear in the input', () => {
  it.each(Object.entries(ADVERSARIAL))('%s', (_name, build) => {
    const small = scan(build(SMALL)).steps;
    const large = scan(build(LARGE)).steps;
    expect(large / LARGE).toBeLessThanOrEqual(STEPS_PER_CHAR);
    // 10× the input, about 10× the work.
    expect(large / small).toBeLessThanOrEqual(12);
  });

  it('holds line by line too (the log reader’s path)', () => {
    for (const build of Object.values(ADVERSARIAL)) {
      const redactor = new LineRedactor();
      for (const line of build(LARGE).split('\n')) redactor.line(line);
      expect(redactor.work.steps / LARGE).toBeLessThanOrEqual(STEPS_PER_CHAR);
    }
  });

  it('takes about 10× the time for 10× the input on the worst cases (not 100×)', () => {
    const fastest = (text: string) => {
      let best = Infinity;
      for (let round = 0; round < 7; round++) {
        const started = performance.now();
        scan(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const worst = [
      'key a.a.a… (the issue’s line)',
      'random-looking mix',
      ':// with @ far away',
      'unclosed quoted value',
    ];
    for (const name of worst) {
      const build = ADVERSARIAL[name] ?? repeat(name);
      const small = build(8_000);
      const large = build(80_000);
      fastest(small);
      // Generous: timer resolution and a busy machine; quadratic work would be ~100×.
      expect(fastest(large) / Math.max(fastest(small), 0.05), name).toBeLessThan(30);
    }
  });
});
