import { describe, expect, it } from 'vitest';
import { AccumulatorPool } from '../../../src/knowledge/search/accumulator.ts';

describe('accumulator pool (per-query scratch scores)', () => {
  it('lends a query its own cleared accumulator, also while another query holds one', () => {
    const pool = new AccumulatorPool(8);
    const outer = pool.with((scores) => {
      scores.add(3, 2);
      // A query started inside another (re-entrant use) gets accumulators of its own.
      const inner = pool.with((other) => {
        expect(other).not.toBe(scores);
        other.add(5, 1);
        return other.top(3);
      });
      expect(inner).toEqual([5]);
      return scores.top(3);
    });
    expect(outer).toEqual([3]);
    // Given back cleared: the next query starts from nothing.
    pool.with((scores) => {
      expect(scores.top(8)).toEqual([]);
    });
  });

  it('takes an accumulator back even when the query throws', () => {
    const pool = new AccumulatorPool(4);
    expect(() =>
      pool.with((scores) => {
        scores.add(1, 1);
        throw new Error('query failed');
      }),
    ).toThrow('query failed');
    pool.with((scores) => {
      expect(scores.top(4)).toEqual([]);
    });
  });
});
