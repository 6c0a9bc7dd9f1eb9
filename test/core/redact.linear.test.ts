/**
 * Redaction is linear in its input (issue 13: one 4,000-character line of `key a.a.a…` took
 * 33 ms, 9,000 of them stalled `docker logs` for 19 s). The scanners count the characters
 * they examine (`scan().steps`): on inputs built to make backtracking regexes explode, that
 * count grows like the input. A second check times 10× the input against 1×, with repeats:
 * quadratic work would take ~100×, linear ~10×. Absolute speed is in bench/redact.bench.ts.
 */
import { describe, expect, it } from 'vitest';
import { LineRedactor, scan } from '../../src/core/redact.ts';
import { ADVERSARIAL, repeat } from './redact-samples.ts';

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
