/**
 * A window of `width` characters around the first place where one of `terms` occurs,
 * with every occurrence inside the window marked **bold**. Falls back to the opening.
 * The result is safe light Markdown: the source's own emphasis and quote markers are
 * dropped, inline code is never cut in half, and a match inside code bolds the whole span
 * (Discord shows `**` inside backticks literally).
 */
export function snippetAround(text: string, terms: string[], width = 180): string {
  const flat = flatten(text);
  const lower = flat.toLowerCase();
  const usable = [...new Set(terms.map((t) => t.toLowerCase().trim()).filter((t) => t.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  let at = -1;
  for (const term of usable) {
    const i = lower.indexOf(term);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const spans = codeSpans(flat);
  let start = at < 0 ? 0 : Math.max(0, at - Math.floor(width / 3));
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space > start - 20) start = space + 1;
  }
  const cutStart = spans.find(([from, to]) => start > from && start < to);
  if (cutStart) start = cutStart[0];
  let end = Math.min(flat.length, start + width);
  const cutEnd = spans.find(([from, to]) => end > from && end < to);
  if (cutEnd) end = cutEnd[1] - end <= 60 ? cutEnd[1] : cutEnd[0];
  if (end <= start) end = Math.min(flat.length, start + width);
  const window = markTerms(flat.slice(start, end), usable);
  return `${start > 0 ? '…' : ''}${window.trim()}${end < flat.length ? '…' : ''}`;
}

/**
 * One line of plain text: no fences, comments, quote or list markers, or the source's **
 * emphasis. The notes hold one fact per line, so lines are kept apart with " · ".
 */
function flatten(text: string): string {
  return text
    .replace(/<!--.*?-->/gs, '')
    // Quote markers first: a fence inside a quote ("> ```yaml") would otherwise leave one behind.
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/```[a-z]*\n?/g, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '')
    .replace(/\*\*/g, '')
    .split(/\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' · ');
}

/** [start, end) of each `inline code` span, backticks included. */
function codeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let open = text.indexOf('`'); open >= 0; ) {
    const close = text.indexOf('`', open + 1);
    if (close < 0) break;
    spans.push([open, close + 1]);
    open = text.indexOf('`', close + 1);
  }
  return spans;
}

/** Wraps every occurrence of any term in **bold**, merging overlaps; a match in code bolds the whole span. */
export function markTerms(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const spans = codeSpans(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + term.length)) {
      const span = spans.find(([from, to]) => i < to && i + term.length > from);
      ranges.push(span ? [Math.min(span[0], i), Math.max(span[1], i + term.length)] : [i, i + term.length]);
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
