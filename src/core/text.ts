import { endsInBatchim } from './korean-particles.ts';

/** Cuts text to `max` characters (code points), ending with … when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Docker's short form of an id: 12 hex digits, without the `sha256:` prefix. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Columns the text takes in a monospace font (a terminal, a Discord code block): Hangul takes two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(char) ? 2 : 1;
  return width;
}

/** Rows as columns two spaces apart, aligned by display width, for a code block. */
export function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, col) => {
      widths[col] = Math.max(widths[col] ?? 0, displayWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell + ' '.repeat(Math.max(0, (widths[col] ?? 0) - displayWidth(cell))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Lines that fit in `maxChars`, keeping the last ones, and how many were left out. */
export function lastLinesWithin(lines: string[], maxChars: number): { shown: string[]; omitted: number } {
  const shown: string[] = [];
  let used = 0;
  for (const line of lines.toReversed()) {
    const cost = line.length + 1;
    if (used + cost > maxChars && shown.length > 0) break;
    shown.unshift(line.slice(0, maxChars));
    used += cost;
  }
  return { shown, omitted: lines.length - shown.length };
}

export function stripBold(text: string): string {
  return text.replace(/\*\*/g, '');
}

/**
 * Member text echoed back inside a reply, as inline code: Markdown, masked links and
 * headings in it show literally (backticks inside become ˋ so the span cannot be closed).
 */
export function quoteInline(text: string): string {
  return '`' + text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ').trim() + '`';
}

/**
 * Text from a container (a command line) as inline code: backticks inside become ˋ so the
 * span cannot be closed and the rest rendered as Markdown or links; line breaks stay.
 */
export function codeSpan(text: string): string {
  return '`' + text.replace(/`/g, 'ˋ') + '`';
}

/**
 * Whether the word, read aloud, ends in a final consonant (받침): 정수여야 / 1 이상이어야 / 6이어야.
 * Digits, Latin and units are read as Koreans say them (src/core/korean-particles.ts).
 */
export function endsWithBatchim(word: string): boolean {
  return endsInBatchim(word);
}

/**
 * Capture group `n` of a match whose pattern always captures it. Throws when it did not:
 * that means the pattern was changed without its reader.
 */
export function group(match: RegExpMatchArray, n: number): string {
  const value = match[n];
  if (value === undefined) throw new Error(`${match[0]}: the pattern did not capture group ${n}`);
  return value;
}
