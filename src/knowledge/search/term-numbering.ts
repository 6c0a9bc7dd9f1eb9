import { adjacentTerms, ownTerms } from './terms.ts';
import type { Word } from './tokens.ts';

/**
 * The index terms of texts (see indexTerms) as term numbers, worked out once per distinct word
 * and per distinct pair of neighbours: a long text then costs a lookup or two per word instead
 * of building and hashing its terms again. Words are told apart by identity, as tokens.ts
 * shares one Word object per spelling; a word met again under a new object is only worked out
 * again.
 */
export class TermNumbering {
  private readonly own = new Map<Word, readonly number[]>();
  private readonly adjacent = new Map<Word, Map<Word, readonly number[]>>();
  /** The text of every word numbered so far. */
  readonly writtenWords = new Set<string>();

  constructor(private readonly numberOf: (term: string) => number) {}

  /** The numbers of indexTerms(words), in the same order. */
  termNumbers(words: readonly Word[]): number[] {
    const numbers: number[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      appendTo(numbers, this.ownNumbers(word));
      const next = words[i + 1];
      // Neighbours of different kinds have no terms together (adjacentTerms): skip the lookup.
      if (next && next.kind === word.kind) appendTo(numbers, this.adjacentNumbers(word, next));
    }
    return numbers;
  }

  private ownNumbers(word: Word): readonly number[] {
    let numbers = this.own.get(word);
    if (!numbers) {
      numbers = ownTerms(word).map(this.numberOf);
      this.own.set(word, numbers);
      this.writtenWords.add(word.text);
    }
    return numbers;
  }

  private adjacentNumbers(word: Word, next: Word): readonly number[] {
    let byNext = this.adjacent.get(word);
    if (!byNext) this.adjacent.set(word, (byNext = new Map()));
    let numbers = byNext.get(next);
    if (!numbers) byNext.set(next, (numbers = adjacentTerms(word, next).map(this.numberOf)));
    return numbers;
  }
}

// Indexed loops: this runs for every word of the corpus, much of it before the JIT has optimised
// it, and unoptimised for…of pays for the iterator protocol on every element.
function appendTo(target: number[], items: readonly number[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
