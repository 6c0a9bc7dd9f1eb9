import { IntList } from './int-list.ts';
import { countWork } from './work.ts';

/** A word to be found by typos: its spelling, and how many letters a lookup may delete from it. */
export interface DeletionEntry {
  word: string;
  spelling: string;
  /** 0, 1 or 2. */
  depth: number;
}

/**
 * The symmetric-delete table for typo lookup: every spelling with up to `depth` letters deleted
 * (볼륨 → ㅂㅗㄹㄹㅠㅁ, ㅗㄹㄹㅠㅁ, ㅂㄹㄹㅠㅁ, …) leads to its word. The variants are never built as
 * strings: each is kept as a 32-bit hash beside its word's number, chained per hash bucket in
 * flat arrays. A shared hash is confirmed (the looked-up variant must really be the word's
 * spelling with at most `depth` letters deleted), so a collision costs time, never a result.
 */
export class DeletionIndex {
  /** The longest spelling in the table. */
  readonly longest: number;
  private readonly entries: DeletionEntry[];
  private readonly hashes = new IntList(16 * 1024);
  private readonly owners = new IntList(16 * 1024);
  private readonly heads: Int32Array;
  private readonly next: Int32Array;

  constructor(entries: DeletionEntry[]) {
    this.entries = entries;
    this.longest = entries.reduce((longest, e) => Math.max(longest, e.spelling.length), 0);
    entries.forEach(({ spelling, depth }, owner) => {
      const add = (hash: number) => {
        this.hashes.push(hash);
        this.owners.push(owner);
      };
      add(hashWithout(spelling, -1, -1));
      if (depth >= 1) for (let i = 0; i < spelling.length; i++) add(hashWithout(spelling, i, -1));
      if (depth >= 2) {
        for (let i = 0; i < spelling.length; i++) {
          for (let j = i + 1; j < spelling.length; j++) add(hashWithout(spelling, i, j));
        }
      }
    });
    let buckets = 1024;
    while (buckets < this.hashes.length) buckets *= 2;
    this.heads = new Int32Array(buckets).fill(-1);
    this.next = new Int32Array(this.hashes.length);
    for (let k = 0; k < this.hashes.length; k++) {
      const bucket = this.hashes.at(k) & (buckets - 1);
      this.next[k] = this.heads[bucket] ?? -1;
      this.heads[bucket] = k;
    }
  }

  /**
   * The entries one of whose variants is `text` without the letters at `skipA` and `skipB`
   * (-1: none), so a lookup's own deletions need not be built as strings either.
   */
  forEachSharing(text: string, skipA: number, skipB: number, visit: (entry: DeletionEntry) => void): void {
    const hash = hashWithout(text, skipA, skipB);
    let visited = 0;
    for (let k = this.heads[hash & (this.heads.length - 1)] ?? -1; k !== -1; k = this.next[k] ?? -1) {
      visited++;
      if (this.hashes.at(k) !== hash) continue;
      const entry = this.entries[this.owners.at(k)];
      if (entry && isDeletionVariant(text, skipA, skipB, entry.spelling, entry.depth)) visit(entry);
    }
    countWork(text.length + visited);
  }
}

/** FNV-1a over the UTF-16 code units of `text`, leaving out the units at positions `skipA` and `skipB`. */
function hashWithout(text: string, skipA: number, skipB: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    if (i === skipA || i === skipB) continue;
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash | 0;
}

/**
 * True when the variant (`text` without the letters at `skipA` and `skipB`) is `spelling` with at
 * most `depth` letters deleted: a subsequence of it, that much shorter.
 */
function isDeletionVariant(text: string, skipA: number, skipB: number, spelling: string, depth: number): boolean {
  const length = text.length - (skipA >= 0 ? 1 : 0) - (skipB >= 0 ? 1 : 0);
  const deleted = spelling.length - length;
  if (deleted < 0 || deleted > depth) return false;
  countWork(spelling.length);
  let i = 0;
  for (let j = 0; j < spelling.length && i < text.length; j++) {
    while (i === skipA || i === skipB) i++;
    if (i < text.length && spelling.charCodeAt(j) === text.charCodeAt(i)) i++;
  }
  while (i === skipA || i === skipB) i++;
  return i >= text.length;
}
