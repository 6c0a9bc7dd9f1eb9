/** Cuts text to `max` characters (code points), ending with … when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

export function stripBold(text: string): string {
  return text.replace(/\*\*/g, '');
}
