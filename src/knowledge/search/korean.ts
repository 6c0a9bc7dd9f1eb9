import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Standard Korean words: the stems of hunspell-dict-ko (dictionary-ko, about 100,000). A Hangul
 * word the notes never use is either everyday Korean (직무, 상관, 문장, 담당) — how someone asks —
 * or a product the notes don't cover (레디스, 카프카, 테라폼, 오퍼레이터), which a standard dictionary
 * does not list. Loaded on the first unknown Hangul word.
 */
let standard: ReadonlySet<string> | undefined;

export function isStandardKorean(word: string): boolean {
  standard ??= load();
  // The dictionary spells its stems in decomposed jamo (NFD).
  return standard.has(word.normalize('NFD'));
}

function load(): ReadonlySet<string> {
  // The package exports only its loader, which also reads the 11 MB affix file: read the word list beside it.
  const entry = createRequire(import.meta.url).resolve('dictionary-ko');
  const lines = readFileSync(join(dirname(entry), 'index.dic'), 'utf8').split('\n');
  const words = new Set<string>();
  // The first line is the entry count; each entry is `stem/flags`.
  for (const line of lines.slice(1)) {
    const slash = line.indexOf('/');
    const stem = slash === -1 ? line.trim() : line.slice(0, slash);
    if (stem) words.add(stem);
  }
  return words;
}
