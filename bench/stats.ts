/** The value below which a share `q` (0–1) of the samples fall (nearest rank); throws on no samples. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  if (value === undefined) throw new Error('no samples');
  return value;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** The i-th item of a list that repeats. */
export function cycle<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('cycle over an empty list');
  return item;
}
