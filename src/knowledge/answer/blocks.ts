/**
 * The Markdown of a note or playbook section as blocks a reply can keep whole: a code fence, a
 * list (with its items), a table, a quote (which may hold code or a table), a paragraph. An
 * answer is cut between blocks, never inside one, so code, tables and trees stay intact.
 */
export type BlockKind = 'code' | 'list' | 'table' | 'quote' | 'paragraph';

export interface Block {
  kind: BlockKind;
  /** The block's Markdown, as written. */
  text: string;
  /** For a list: each top-level item's Markdown, its marker removed (continuation lines kept). */
  items: string[];
}

const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;

/** Splits Markdown into blocks, in order. HTML comment lines are dropped. */
export function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim() || COMMENT_LINE.test(line)) {
      i++;
      continue;
    }
    const start = i;
    let kind: BlockKind;
    if (FENCE.test(line)) {
      kind = 'code';
      i++;
      while (i < lines.length && !FENCE.test(lines[i] ?? '')) i++;
      i++; // the closing fence
    } else if (/^\s*>/.test(line)) {
      kind = 'quote';
      while (i < lines.length && /^\s*>/.test(lines[i] ?? '')) i++;
    } else if (/^\s*\|/.test(line)) {
      kind = 'table';
      while (i < lines.length && /^\s*\|/.test(lines[i] ?? '')) i++;
    } else if (LIST_ITEM.test(line)) {
      kind = 'list';
      // Items, and lines indented under them, until a blank line not followed by more of the list.
      while (i < lines.length) {
        const next = lines[i] ?? '';
        if (next.trim() && (LIST_ITEM.test(next) || /^\s+\S/.test(next))) i++;
        else if (!next.trim() && LIST_ITEM.test(lines[i + 1] ?? '')) i++;
        else break;
      }
    } else {
      kind = 'paragraph';
      while (i < lines.length && (lines[i] ?? '').trim() && !startsBlock(lines[i] ?? '')) i++;
    }
    const text = lines.slice(start, Math.min(i, lines.length)).join('\n').trimEnd();
    blocks.push({ kind, text, items: kind === 'list' ? listItems(text) : [] });
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || /^\s*>/.test(line) || /^\s*\|/.test(line) || LIST_ITEM.test(line);
}

function listItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    if (LIST_ITEM.test(line)) items.push(line.replace(LIST_ITEM, ''));
    else if (items.length && line.trim()) items.push(`${items.pop() ?? ''}\n${line}`);
  }
  return items;
}

/** Blocks back to Markdown, a blank line between them. */
export function joinBlocks(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/**
 * The first sentence of a piece of prose (up to `max` characters, never cutting an inline code
 * span): what a list of causes shows of each but the first.
 */
export function firstSentence(markdown: string, max = 220): string {
  const text = markdown.replace(/\s*\n\s*/g, ' ').trim();
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '`') inCode = !inCode;
    if (inCode) continue;
    const next = text.charAt(i + 1);
    const ellipsis = ch === '.' && (text.charAt(i - 1) === '.' || next === '.');
    const ends = (ch === '.' || ch === '?' || ch === '!') && !ellipsis && (next === ' ' || next === '');
    if (ends && i >= 20) return text.slice(0, i + 1);
    if (i >= max) break;
  }
  return text.length <= max ? text : cutOutsideCode(text, max);
}

/** `text` cut to about `max` characters at a space outside inline code, with an ellipsis. */
export function cutOutsideCode(text: string, max: number): string {
  let inCode = false;
  let lastSpace = -1;
  for (let i = 0; i < text.length && i < max; i++) {
    const ch = text.charAt(i);
    if (ch === '`') inCode = !inCode;
    else if (ch === ' ' && !inCode) lastSpace = i;
  }
  const end = lastSpace > max / 2 ? lastSpace : max;
  const cut = text.slice(0, end);
  // An odd number of backticks would leave a span open.
  const open = (cut.match(/`/g) ?? []).length % 2 === 1;
  return `${open ? cut.slice(0, cut.lastIndexOf('`')).trimEnd() : cut.trimEnd()}…`;
}
