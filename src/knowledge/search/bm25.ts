/** How one field counts: its weight, and how much its length normalises term frequency. */
export interface FieldSpec {
  weight: number;
  /** BM25 `b`: 0 ignores field length, 1 normalises fully. */
  b: number;
}

export interface Postings {
  /** Document numbers, ascending. */
  docs: Int32Array;
  /** The term's whole BM25F contribution to each document (idf included). */
  scores: Float32Array;
}

const K1 = 1.2;

/**
 * BM25F over a few weighted fields. Everything query-independent (field-length normalisation,
 * saturation, idf) is folded into the postings when the index is built, so a query only adds
 * up precomputed numbers.
 */
export class Bm25Index {
  private readonly postingsByTerm = new Map<string, Postings>();
  private readonly documentFrequency = new Map<string, number>();
  readonly size: number;

  /** @param docs per document, one list of terms per field, in the order of `fields` */
  constructor(fields: FieldSpec[], docs: string[][][]) {
    this.size = docs.length;
    const averages = fields.map((_, f) => docs.reduce((sum, d) => sum + (d[f]?.length ?? 0), 0) / Math.max(1, docs.length) || 1);
    const weighted = new Map<string, { docs: number[]; tf: number[] }>();
    docs.forEach((termsByField, doc) => {
      const perDoc = new Map<string, number>();
      termsByField.forEach((terms, f) => {
        const spec = fields[f]!;
        // Each occurrence adds the field's weight, damped by how long the field is.
        const add = spec.weight / (1 - spec.b + (spec.b * terms.length) / averages[f]!);
        for (const term of terms) perDoc.set(term, (perDoc.get(term) ?? 0) + add);
      });
      for (const [term, tf] of perDoc) {
        let entry = weighted.get(term);
        if (!entry) weighted.set(term, (entry = { docs: [], tf: [] }));
        entry.docs.push(doc);
        entry.tf.push(tf);
      }
    });
    for (const [term, { docs: list, tf }] of weighted) {
      const idf = Math.log(1 + (this.size - list.length + 0.5) / (list.length + 0.5));
      this.documentFrequency.set(term, list.length);
      this.postingsByTerm.set(term, {
        docs: Int32Array.from(list),
        scores: Float32Array.from(tf, (t) => (idf * t * (K1 + 1)) / (t + K1)),
      });
    }
  }

  postings(term: string): Postings | undefined {
    return this.postingsByTerm.get(term);
  }

  df(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** Inverse document frequency, also for terms the index has never seen (df 0). */
  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** This term's contribution to one document, 0 when absent (binary search in the postings). */
  scoreIn(term: string, doc: number): number {
    const postings = this.postingsByTerm.get(term);
    if (!postings) return 0;
    let lo = 0;
    let hi = postings.docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = postings.docs[mid]!;
      if (value === doc) return postings.scores[mid]!;
      if (value < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  terms(): IterableIterator<string> {
    return this.postingsByTerm.keys();
  }
}
