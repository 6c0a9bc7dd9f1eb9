/** A growable list of 32-bit integers in one typed array: no boxed numbers, little garbage. */
export class IntList {
  private items: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.count === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.count++] = value;
  }

  get length(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  /** The item at `index` (0 outside the list). */
  at(index: number): number {
    return this.items[index] ?? 0;
  }

  /** The items so far, without copying (valid until the next push). */
  view(): Int32Array {
    return this.items.subarray(0, this.count);
  }
}
