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
  private readonly docFields: Array<Array<Map<string, number>>> = [];
  private readonly fieldLengths: number[][] = [];
  private postingsByTerm = new Map<string, Postings>();
  private documentFrequency = new Map<string, number>();

  constructor(private readonly fields: FieldSpec[]) {}

  get size(): number {
    return this.fieldLengths.length;
  }

  /** Adds a document: one list of terms per field, in the order of the field specs. */
  add(termsByField: string[][]): number {
    const counts = termsByField.map((terms) => {
      const map = new Map<string, number>();
      for (const term of terms) map.set(term, (map.get(term) ?? 0) + 1);
      return map;
    });
    this.docFields.push(counts);
    this.fieldLengths.push(termsByField.map((terms) => terms.length));
    return this.fieldLengths.length - 1;
  }

  /** Computes the postings; call once after the last `add`. */
  build(): void {
    const n = this.size;
    const averages = this.fields.map((_, f) => this.fieldLengths.reduce((sum, lengths) => sum + lengths[f]!, 0) / Math.max(1, n) || 1);
    const weighted = new Map<string, { docs: number[]; tf: number[] }>();
    this.docFields.forEach((fields, doc) => {
      const perDoc = new Map<string, number>();
      fields.forEach((counts, f) => {
        const spec = this.fields[f]!;
        const norm = 1 - spec.b + (spec.b * this.fieldLengths[doc]![f]!) / averages[f]!;
        for (const [term, count] of counts) perDoc.set(term, (perDoc.get(term) ?? 0) + (spec.weight * count) / norm);
      });
      for (const [term, tf] of perDoc) {
        let entry = weighted.get(term);
        if (!entry) weighted.set(term, (entry = { docs: [], tf: [] }));
        entry.docs.push(doc);
        entry.tf.push(tf);
      }
    });
    this.postingsByTerm = new Map();
    this.documentFrequency = new Map();
    for (const [term, { docs, tf }] of weighted) {
      const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
      this.documentFrequency.set(term, docs.length);
      this.postingsByTerm.set(term, {
        docs: Int32Array.from(docs),
        scores: Float32Array.from(tf, (t) => (idf * t * (K1 + 1)) / (t + K1)),
      });
    }
    this.docFields.length = 0;
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
