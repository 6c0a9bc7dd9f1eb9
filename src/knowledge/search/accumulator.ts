/**
 * Per-document scores for one query. The arrays are allocated once and reused (see
 * AccumulatorPool): only the documents a query touched are reset, so a query costs what its
 * postings cost, not the corpus size.
 */
export class Accumulator {
  private readonly values: Float64Array;
  private readonly touched: number[] = [];

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  add(doc: number, value: number): void {
    if (value <= 0) return;
    const current = this.values[doc] ?? 0;
    if (current === 0) this.touched.push(doc);
    this.values[doc] = current + value;
  }

  /** Keeps the larger of the current value and `value`. */
  max(doc: number, value: number): void {
    const current = this.values[doc] ?? 0;
    if (value <= current) return;
    if (current === 0) this.touched.push(doc);
    this.values[doc] = value;
  }

  forEach(visit: (doc: number, value: number) => void): void {
    for (const doc of this.touched) visit(doc, this.values[doc] ?? 0);
  }

  /** The `k` best documents, best first (ties: lower document number first). */
  top(k: number): number[] {
    const best: number[] = [];
    const value = (doc: number) => this.values[doc] ?? 0;
    const better = (a: number, b: number) => value(a) > value(b) || (value(a) === value(b) && a < b);
    for (const doc of this.touched) {
      const last = best[k - 1];
      if (last !== undefined && !better(doc, last)) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const at = best[mid];
        if (at !== undefined && better(at, doc)) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, doc);
      if (best.length > k) best.pop();
    }
    return best;
  }

  clear(): void {
    for (const doc of this.touched) this.values[doc] = 0;
    this.touched.length = 0;
  }
}

/**
 * Accumulators of one size, lent to one query at a time and given back cleared: no allocation
 * per query, and no state shared between two queries, so search is re-entrant.
 */
export class AccumulatorPool {
  private readonly spare: Accumulator[] = [];

  constructor(private readonly size: number) {}

  /** Runs `use` with a cleared accumulator of its own. */
  with<T>(use: (accumulator: Accumulator) => T): T {
    const accumulator = this.spare.pop() ?? new Accumulator(this.size);
    try {
      return use(accumulator);
    } finally {
      accumulator.clear();
      this.spare.push(accumulator);
    }
  }
}
