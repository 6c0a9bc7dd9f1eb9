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
      const ids = termsByField[f] ?? [];
      for (let i = 0; i < ids.length; i++) this.occurrences.push(ids[i]!);
      this.fieldEnds.push(this.occurrences.length);
    }
    this.documents++;
  }

  build(): Bm25Index {
    const occurrences = this.occurrences.view();
    const fieldEnds = this.fieldEnds.view();
    const fieldCount = this.fields.length;
    const termCount = this.termIds.size;
    // A field's terms: occurrences[fieldEnds[slot - 1] .. fieldEnds[slot]), slot = doc × fields + field.
    const slotStart = (slot: number) => (slot === 0 ? 0 : fieldEnds[slot - 1]!);

    const df = new Int32Array(termCount);
    const seenIn = new Int32Array(termCount).fill(-1);
    for (let doc = 0; doc < this.documents; doc++) {
      for (let k = slotStart(doc * fieldCount), end = fieldEnds[(doc + 1) * fieldCount - 1]!; k < end; k++) {
        const id = occurrences[k]!;
        if (seenIn[id] === doc) continue;
        seenIn[id] = doc;
        df[id]!++;
      }
    }
    const starts = new Int32Array(termCount + 1);
    for (let id = 0; id < termCount; id++) starts[id + 1] = starts[id]! + df[id]!;
    const idf = new Float64Array(termCount);
    for (let id = 0; id < termCount; id++) idf[id] = Math.log(1 + (this.documents - df[id]! + 0.5) / (df[id]! + 0.5));

    const averages = this.fields.map((_, f) => {
      let sum = 0;
      for (let doc = 0; doc < this.documents; doc++) sum += fieldEnds[doc * fieldCount + f]! - slotStart(doc * fieldCount + f);
      return sum / Math.max(1, this.documents) || 1;
    });
    const docs = new Int32Array(starts[termCount]!);
    const scores = new Float32Array(starts[termCount]!);
    const next = starts.slice(0, termCount);
    const tf = new Float64Array(termCount);
    const touched = new Int32Array(termCount);
    seenIn.fill(-1);
    for (let doc = 0; doc < this.documents; doc++) {
      let touchedCount = 0;
      for (let f = 0; f < fieldCount; f++) {
        const slot = doc * fieldCount + f;
        const spec = this.fields[f]!;
        // Each occurrence adds the field's weight, damped by how long the field is.
        const add = spec.weight / (1 - spec.b + (spec.b * (fieldEnds[slot]! - slotStart(slot))) / averages[f]!);
        for (let k = slotStart(slot), end = fieldEnds[slot]!; k < end; k++) {
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
    return new Bm25Index(this.documents, this.termIds, starts, docs, scores);
  }
}
