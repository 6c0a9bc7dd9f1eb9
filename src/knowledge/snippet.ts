/**
 * A window of `width` characters around the first place where one of `terms` occurs,
 * with every occurrence inside the window marked **bold**. Falls back to the opening.
 */
export function snippetAround(text: string, terms: string[], width = 180): string {
  const flat = text
    .replace(/```[a-z]*\n?/g, '')
    .replace(/<!--.*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const lower = flat.toLowerCase();
  const usable = [...new Set(terms.map((t) => t.toLowerCase().trim()).filter((t) => t.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  let at = -1;
  for (const term of usable) {
    const i = lower.indexOf(term);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  let start = at < 0 ? 0 : Math.max(0, at - Math.floor(width / 3));
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space > start - 20) start = space + 1;
  }
  const end = Math.min(flat.length, start + width);
  const window = markTerms(flat.slice(start, end), usable);
  return `${start > 0 ? '…' : ''}${window}${end < flat.length ? '…' : ''}`;
}

/** Wraps every occurrence of any term in **bold**, merging overlaps. */
export function markTerms(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + term.length)) {
      ranges.push([i, i + term.length]);
    }
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  let out = '';
  let cursor = 0;
  for (const [from, to] of merged) {
    out += text.slice(cursor, from) + '**' + text.slice(from, to) + '**';
    cursor = to;
  }
  return out + text.slice(cursor);
}
