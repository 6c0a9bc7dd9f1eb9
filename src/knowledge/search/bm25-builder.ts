import { Bm25Index, type FieldSpec } from './bm25.ts';
import { IntList } from './int-list.ts';
import { BM25_K1 as K1 } from './weights.ts';

/**
 * Collects documents as term numbers (see termNumber), then lays out every term's postings in
 * two flat arrays (instead of two small arrays per term, a Map per document and a list of
 * strings per field).
 */
export class Bm25Builder {
  private readonly termIds = new Map<string, number>();
  /** Term numbers, document by document, field by field. */
  private readonly occurrences = new IntList(64 * 1024);
  /** Where each field of each document ends in `occurrences`, at slot document × fields + field. */
  private readonly fieldEnds = new IntList();
  private documents = 0;

  constructor(private readonly fields: readonly FieldSpec[]) {}

  /** The number standing for `term` in this index. */
  termNumber(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
    return id;
  }

/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays, every index within bounds by construction */

  /** @param termsByField one list of term numbers per field, in the order of `fields` */
  addDocument(termsByField: ReadonlyArray<readonly number[]>): void {
    for (let f = 0; f < this.fields.length; f++) {
      const ids = termsByField[f] ?? [];
      for (let i = 0; i < ids.length; i++) this.occurrences.push(ids[i]!);
      this.fieldEnds.push(this.occurrences.length);
    }
    this.documents++;
  }

  build(): Bm25Index {
    const layout = new Layout(this.occurrences.view(), this.fieldEnds.view(), this.fields.length, this.documents);
    const df = documentFrequencies(layout, this.termIds.size);
    const starts = new Int32Array(df.length + 1);
    for (let id = 0; id < df.length; id++) starts[id + 1] = starts[id]! + df[id]!;
    const { docs, scores } = this.postings(layout, df, starts);
    return new Bm25Index(this.documents, this.termIds, starts, docs, scores);
  }

  /**
   * Every term's postings, documents ascending, each with its whole BM25F contribution. Within a
   * document a term's weight is summed field by field, occurrence by occurrence.
   */
  private postings(layout: Layout, df: Int32Array, starts: Int32Array): { docs: Int32Array; scores: Float32Array } {
    const termCount = df.length;
    const idf = new Float64Array(termCount);
    for (let id = 0; id < termCount; id++) idf[id] = Math.log(1 + (this.documents - df[id]! + 0.5) / (df[id]! + 0.5));
    const averages = this.fields.map((_, f) => layout.averageLength(f));
    const docs = new Int32Array(starts[termCount]!);
    const scores = new Float32Array(starts[termCount]!);
    const next = starts.slice(0, termCount);
    const tf = new Float64Array(termCount);
    const seenIn = new Int32Array(termCount).fill(-1);
    const touched = new Int32Array(termCount);
    const { occurrences } = layout;
    for (let doc = 0; doc < this.documents; doc++) {
      let touchedCount = 0;
      for (let f = 0; f < this.fields.length; f++) {
        const spec = this.fields[f]!;
        // Each occurrence adds the field's weight, damped by how long the field is.
        const add = spec.weight / (1 - spec.b + (spec.b * layout.length(doc, f)) / averages[f]!);
        for (let k = layout.start(doc, f), end = layout.end(doc, f); k < end; k++) {
          const id = occurrences[k]!;
          if (seenIn[id] !== doc) {
            seenIn[id] = doc;
            touched[touchedCount++] = id;
          }
          tf[id]! += add;
        }
      }
      for (let i = 0; i < touchedCount; i++) {
        const id = touched[i]!;
        const t = tf[id]!;
        const at = next[id]!++;
        docs[at] = doc;
        scores[at] = (idf[id]! * t * (K1 + 1)) / (t + K1);
        tf[id] = 0;
      }
    }
    return { docs, scores };
  }
}

/** Where each document's fields lie in the flat list of term numbers. */
class Layout {
  constructor(
    readonly occurrences: Int32Array,
    private readonly fieldEnds: Int32Array,
    private readonly fieldCount: number,
    readonly documents: number,
  ) {}

  start(doc: number, field: number): number {
    const slot = doc * this.fieldCount + field;
    return slot === 0 ? 0 : this.fieldEnds[slot - 1]!;
  }

  end(doc: number, field: number): number {
    return this.fieldEnds[doc * this.fieldCount + field]!;
  }

  length(doc: number, field: number): number {
    return this.end(doc, field) - this.start(doc, field);
  }

  /** Mean terms in this field over all documents (1 for a field that is always empty). */
  averageLength(field: number): number {
    let sum = 0;
    for (let doc = 0; doc < this.documents; doc++) sum += this.length(doc, field);
    return sum / Math.max(1, this.documents) || 1;
  }
}

/** In how many documents each term occurs. */
function documentFrequencies(layout: Layout, termCount: number): Int32Array {
  const df = new Int32Array(termCount);
  const seenIn = new Int32Array(termCount).fill(-1);
  for (let doc = 0; doc < layout.documents; doc++) {
    for (let k = layout.start(doc, 0), end = layout.start(doc + 1, 0); k < end; k++) {
      const id = layout.occurrences[k]!;
      if (seenIn[id] === doc) continue;
      seenIn[id] = doc;
      df[id]!++;
    }
  }
  return df;
}

/* eslint-enable @typescript-eslint/no-non-null-assertion */
