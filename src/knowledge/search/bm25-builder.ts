import { Bm25Index, type FieldSpec } from './bm25.ts';
import { IntList } from './int-list.ts';

const K1 = 1.2;

/**
 * Collects documents as term numbers (see termNumber), then lays out every term's postings in
 * two flat arrays (instead of two small arrays per term, a Map per document and a list of
 * strings per field).
 */
export class Bm25Builder {
  private readonly termIds = new Map<string, number>();
  /** Term numbers, document by document, field by field. */
  private readonly occurrences = new IntList(64 * 1024);
  /** Where each (document, field) ends in `occurrences`. */
  private readonly fieldEnds = new IntList();
  private documents = 0;

  constructor(private readonly fields: FieldSpec[]) {}

  /** The number standing for `term` in this index. */
  termNumber(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
    return id;
  }

  /** @param termsByField one list of term numbers per field, in the order of `fields` */
  addDocument(termsByField: ReadonlyArray<readonly number[]>): void {
    for (let f = 0; f < this.fields.length; f++) {
      for (const id of termsByField[f] ?? []) this.occurrences.push(id);
      this.fieldEnds.push(this.occurrences.length);
    }
    this.documents++;
  }

  build(): Bm25Index {
    const termCount = this.termIds.size;
    const df = new Int32Array(termCount);
    const seenIn = new Int32Array(termCount).fill(-1);
    for (let doc = 0; doc < this.documents; doc++) {
      this.forEachOccurrence(doc, (id) => {
        if (seenIn[id] === doc) return;
        seenIn[id] = doc;
        df[id]!++;
      });
    }
    const starts = new Int32Array(termCount + 1);
    for (let id = 0; id < termCount; id++) starts[id + 1] = starts[id]! + df[id]!;
    const idf = Float64Array.from(df, (n) => Math.log(1 + (this.documents - n + 0.5) / (n + 0.5)));

    const docs = new Int32Array(starts[termCount]!);
    const scores = new Float32Array(starts[termCount]!);
    const next = starts.slice(0, termCount);
    const averages = this.averageLengths();
    const tf = new Float64Array(termCount);
    const touched = new IntList();
    seenIn.fill(-1);
    for (let doc = 0; doc < this.documents; doc++) {
      touched.clear();
      for (let f = 0; f < this.fields.length; f++) {
        const spec = this.fields[f]!;
        // Each occurrence adds the field's weight, damped by how long the field is.
        const add = spec.weight / (1 - spec.b + (spec.b * this.fieldLength(doc, f)) / averages[f]!);
        for (let k = this.fieldStart(doc, f), end = this.fieldEnds.at(doc * this.fields.length + f); k < end; k++) {
          const id = this.occurrences.at(k);
          if (seenIn[id] !== doc) {
            seenIn[id] = doc;
            touched.push(id);
          }
          tf[id]! += add;
        }
      }
      for (let i = 0; i < touched.length; i++) {
        const id = touched.at(i);
        const t = tf[id]!;
        const at = next[id]!++;
        docs[at] = doc;
        scores[at] = (idf[id]! * t * (K1 + 1)) / (t + K1);
        tf[id] = 0;
      }
    }
    return new Bm25Index(this.documents, this.termIds, starts, docs, scores);
  }

  private fieldStart(doc: number, f: number): number {
    const slot = doc * this.fields.length + f;
    return slot === 0 ? 0 : this.fieldEnds.at(slot - 1);
  }

  private fieldLength(doc: number, f: number): number {
    return this.fieldEnds.at(doc * this.fields.length + f) - this.fieldStart(doc, f);
  }

  private forEachOccurrence(doc: number, visit: (id: number) => void): void {
    const from = this.fieldStart(doc, 0);
    const to = this.fieldEnds.at((doc + 1) * this.fields.length - 1);
    for (let k = from; k < to; k++) visit(this.occurrences.at(k));
  }

  /** Mean terms per field over all documents (1 for a field that is always empty). */
  private averageLengths(): number[] {
    return this.fields.map((_, f) => {
      let sum = 0;
      for (let doc = 0; doc < this.documents; doc++) sum += this.fieldLength(doc, f);
      return sum / Math.max(1, this.documents) || 1;
    });
  }
}
