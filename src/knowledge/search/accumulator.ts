/**
 * Per-document scores for one query. The arrays are allocated once per index and reused: only the
 * documents a query touched are reset, so a query costs what its postings cost, not the corpus size.
 * Not re-entrant — search is synchronous.
 */
export class Accumulator {
  private readonly values: Float64Array;
  private readonly touched: number[] = [];

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  add(doc: number, value: number): void {
    if (value <= 0) return;
    if (this.values[doc] === 0) this.touched.push(doc);
    this.values[doc]! += value;
  }

  /** Keeps the larger of the current value and `value`. */
  max(doc: number, value: number): void {
    const current = this.values[doc]!;
    if (value <= current) return;
    if (current === 0) this.touched.push(doc);
    this.values[doc] = value;
  }

  forEach(visit: (doc: number, value: number) => void): void {
    for (const doc of this.touched) visit(doc, this.values[doc]!);
  }

  /** The `k` best documents, best first (ties: lower document number first). */
  top(k: number): number[] {
    const best: number[] = [];
    const better = (a: number, b: number) => this.values[a]! > this.values[b]! || (this.values[a] === this.values[b] && a < b);
    for (const doc of this.touched) {
      if (best.length === k && !better(doc, best[k - 1]!)) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (better(best[mid]!, doc)) lo = mid + 1;
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
