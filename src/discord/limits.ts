/** Discord's message and component limits, in characters. */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  customId: 100,
  filesPerMessage: 10,
  autocompleteChoices: 25,
  choiceName: 100,
} as const;

/**
 * Cuts to `max` UTF-16 units, ending with … when cut, never splitting a surrogate pair.
 * UTF-16 units are never fewer than the characters Discord counts, so the result always fits.
 */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + '…';
}
