/**
 * Splits a console line into words, honouring "double" and 'single' quotes and \ escapes.
 * Questions are natural text, so a quote opens only at the start of a word (or right after
 * `option:`) and only when it is closed later in the line: `/ask what's a volume` and `doesn't`
 * keep their apostrophes.
 */
export function tokenize(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) current += line.charAt(++i);
      else current += ch;
      continue;
    }
    // …or right after `option:` (`schedule:"매주 수요일 20:00"`, as in Discord).
    const opens = !inWord || /^[a-z][a-z0-9_-]*:$/.test(current);
    if ((ch === '"' || ch === "'") && opens && line.indexOf(ch, i + 1) > i) {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line.charAt(++i);
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}
