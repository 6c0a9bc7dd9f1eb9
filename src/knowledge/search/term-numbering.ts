import { adjacentTerms, ownTerms } from './terms.ts';
import type { Word } from './tokens.ts';

/** What is known of one word: its own term numbers, and those it forms with each word seen after it. */
interface NumberedWord {
  own: readonly number[];
  withNext?: Map<Word, readonly number[]>;
}

/**
 * The index terms of texts (see indexTerms) as term numbers, worked out once per distinct word
 * and per distinct pair of neighbours: a long text then costs a lookup or two per word instead
 * of building and hashing its terms again. Words are told apart by identity, as tokens.ts
 * shares one Word object per spelling; a word met again under a new object is only worked out
 * again.
 */
export class TermNumbering {
  private readonly words = new Map<Word, NumberedWord>();
  /** The text of every word numbered so far. */
  readonly writtenWords = new Set<string>();

  constructor(private readonly numberOf: (term: string) => number) {}

  /** The numbers of indexTerms(words), in the same order. */
  termNumbers(words: readonly Word[]): number[] {
    const numbers: number[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (!word) break;
      const numbered = this.numbered(word);
      appendTo(numbers, numbered.own);
      const next = words[i + 1];
      // Neighbours of different kinds have no terms together (adjacentTerms): skip the lookup.
      if (next && next.kind === word.kind) appendTo(numbers, this.withNext(numbered, word, next));
    }
    return numbers;
  }

  private numbered(word: Word): NumberedWord {
    let numbered = this.words.get(word);
    if (!numbered) {
      this.words.set(word, (numbered = { own: ownTerms(word).map(this.numberOf) }));
      this.writtenWords.add(word.text);
    }
    return numbered;
  }

  private withNext(numbered: NumberedWord, word: Word, next: Word): readonly number[] {
    numbered.withNext ??= new Map();
    let numbers = numbered.withNext.get(next);
    if (!numbers) numbered.withNext.set(next, (numbers = adjacentTerms(word, next).map(this.numberOf)));
    return numbers;
  }
}

// Indexed loops: this runs for every word of the corpus, much of it before the JIT has optimised
// it, and unoptimised for…of pays for the iterator protocol on every element.
function appendTo(target: number[], items: readonly number[]): void {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- hot loop (every word of the corpus), i < length
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
