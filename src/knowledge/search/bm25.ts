/** How one field counts: its weight, and how much its length normalises term frequency. */
export interface FieldSpec {
  weight: number;
  /** BM25 `b`: 0 ignores field length, 1 normalises fully. */
  b: number;
}

/** One term's postings: `docs[start..end)` (ascending) and their scores, in arrays shared by all terms. */
export interface Postings {
  docs: Int32Array;
  /** The term's whole BM25F contribution to each document (idf included). */
  scores: Float32Array;
  start: number;
  end: number;
}

/**
 * BM25F over a few weighted fields (built by Bm25Builder). Everything query-independent
 * (field-length normalisation, saturation, idf) is folded into the postings when the index is
 * built, so a query only adds up precomputed numbers. All postings live in two flat arrays,
 * term after term.
 */
export class Bm25Index {
  /**
   * @param termIds each term's number
   * @param starts where each term's postings start in `docs`/`scores` (one more entry: the total)
   */
  constructor(
    readonly size: number,
    private readonly termIds: Map<string, number>,
    private readonly starts: Int32Array,
    private readonly docs: Int32Array,
    private readonly scores: Float32Array,
  ) {}

/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays, every index within bounds by construction */

  postings(term: string): Postings | undefined {
    const id = this.termIds.get(term);
    if (id === undefined) return undefined;
    return { docs: this.docs, scores: this.scores, start: this.starts[id]!, end: this.starts[id + 1]! };
  }

  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.starts[id + 1]! - this.starts[id]!;
  }

  /** Inverse document frequency, also for terms the index has never seen (df 0). */
  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** This term's contribution to one document, 0 when absent (binary search in the postings). */
  scoreIn(term: string, doc: number): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    let lo = this.starts[id]!;
    let hi = this.starts[id + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = this.docs[mid]!;
      if (value === doc) return this.scores[mid]!;
      if (value < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
}
