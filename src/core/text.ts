/** Cuts text to `max` characters (code points), ending with … when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
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
