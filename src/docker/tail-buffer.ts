/**
 * Keeps only the last items pushed, within a count and a total size: reading a log of any
 * length holds at most `maxItems` lines and `maxBytes` of text. Tracks its peak size so
 * tests and the benchmark can check the bound.
 */
export class TailBuffer<T> {
  private readonly ring: Array<{ item: T; size: number } | undefined>;
  private start = 0;
  private length = 0;
  private bytes = 0;
  /** Items pushed out to stay within the bounds. */
  dropped = 0;
  peakBytes = 0;

  constructor(
    readonly maxItems: number,
    readonly maxBytes: number,
  ) {
    if (maxItems < 1) throw new RangeError('maxItems must be at least 1');
    this.ring = Array.from({ length: maxItems }, () => undefined);
  }

  push(item: T, size: number): void {
    if (this.length === this.maxItems) this.dropOldest();
    this.ring[(this.start + this.length) % this.maxItems] = { item, size };
    this.length++;
    this.bytes += size;
    while (this.bytes > this.maxBytes && this.length > 1) this.dropOldest();
    this.peakBytes = Math.max(this.peakBytes, this.bytes);
  }

  items(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) {
      const slot = this.ring[(this.start + i) % this.maxItems];
      if (slot) out.push(slot.item);
    }
    return out;
  }

  get size(): number {
    return this.length;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  private dropOldest(): void {
    const oldest = this.ring[this.start];
    this.ring[this.start] = undefined;
    this.bytes -= oldest?.size ?? 0;
    this.start = (this.start + 1) % this.maxItems;
    this.length--;
    this.dropped++;
  }
}
