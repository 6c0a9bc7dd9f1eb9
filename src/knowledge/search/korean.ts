import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Standard Korean words: the stems of hunspell-dict-ko (dictionary-ko, about 100,000). A Hangul
 * word the notes never use is either everyday Korean (직무, 상관, 문장, 담당) — how someone asks —
 * or a product the notes don't cover (레디스, 카프카, 테라폼, 오퍼레이터), which a standard dictionary
 * does not list. Loaded on the first unknown Hangul word.
 */
let standard: SortedWords | undefined;

export function isStandardKorean(word: string): boolean {
  standard ??= load();
  return standard.has(word.normalize('NFC'));
}

/**
 * The words sorted and joined in one string, found by binary search: about 1 MB, where a Set of
 * 100,000 strings would hold some 8 MB for as long as the bot runs.
 */
class SortedWords {
  constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
  ) {}

  has(word: string): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const found = this.wordAt(middle);
      if (found === word) return true;
      if (found < word) low = middle + 1;
      else high = middle;
    }
    return false;
  }

  private wordAt(i: number): string {
    // starts has one entry past the last word; each word is followed by one separator.
    return this.text.slice(this.starts[i], (this.starts[i + 1] ?? 1) - 1);
  }
}

function load(): SortedWords {
  // The package exports only its loader, which also reads the 11 MB affix file: read the word list beside it.
  const entry = createRequire(import.meta.url).resolve('dictionary-ko');
  const dic = readFileSync(join(dirname(entry), 'index.dic'));
  const words = new Set<string>();
  // The first line is the entry count; each entry is `stem/flags`, the stem in decomposed jamo (NFD).
  let start = dic.indexOf(0x0a) + 1;
  while (start > 0 && start < dic.length) {
    const end = dic.indexOf(0x0a, start);
    const lineEnd = end === -1 ? dic.length : end;
    const slash = dic.indexOf(0x2f, start);
    const stemEnd = slash !== -1 && slash < lineEnd ? slash : lineEnd;
    const stem = dic.toString('utf8', start, stemEnd).trim().normalize('NFC');
    if (stem) words.add(stem);
    start = end + 1;
  }
  const sorted = [...words].sort();
  const starts = new Uint32Array(sorted.length + 1);
  let offset = 0;
  sorted.forEach((word, i) => {
    starts[i] = offset;
    offset += word.length + 1;
  });
  starts[sorted.length] = offset;
  return new SortedWords(sorted.join('\n') + '\n', starts);
}
