import type { GlossaryTerm } from '../types.ts';
import { compact, normalizeText } from './normalize.ts';
import { joinTerm, pairTerm } from './terms.ts';
import { wordsOf } from './tokens.ts';
import { countWork } from './work.ts';

/** One spelling of a glossary term, ready to search for. */
export interface TermForm {
  /** As written in the glossary, normalised: shown in `matched` and used for snippets. */
  surface: string;
  /** The index term that stands for it (a word, a literal, a word pair or a noun join). */
  term: string;
  /** Its words (see phraseWords). */
  words: string[];
}

/**
 * The Korean↔English term map of knowledge/glossary.yaml: any spelling of a term (ko, en, also)
 * finds all the others. Lookups ignore spacing and case.
 */
export class Glossary {
  private readonly groups: TermForm[][] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly wordSet = new Set<string>();
  /** Longest spelling, in words: how far a query must be scanned for multi-word terms. */
  readonly maxWords: number;

  constructor(terms: GlossaryTerm[]) {
    let maxWords = 1;
    for (const term of terms) {
      const forms = [...term.ko, ...term.en, ...term.also].flatMap((spelling) => {
        const form = toForm(spelling);
        return form ? [form] : [];
      });
      const id = this.groups.push(forms) - 1;
      for (const form of forms) {
        for (const word of form.surface.split(' ')) this.wordSet.add(word);
        maxWords = Math.max(maxWords, form.words.length);
        const key = compact(form.surface);
        const ids = this.byKey.get(key) ?? [];
        if (!ids.includes(id)) ids.push(id);
        this.byKey.set(key, ids);
      }
    }
    this.maxWords = maxWords;
  }

  /** Every spelling of every term that `text` is a spelling of. */
  formsOf(text: string): TermForm[] {
    return this.formsOfNormal(normalizeText(text));
  }

  /** formsOf for text already normalised (a query's words, vocabulary words, glossary surfaces): not normalised again. */
  formsOfNormal(text: string): TermForm[] {
    countWork(text.length);
    const ids = this.byKey.get(compact(text)) ?? [];
    return ids.flatMap((id) => this.groups[id] ?? []);
  }

  /** True when `word` is one of the words of some spelling (환영 of 환영 페이지). */
  hasWord(word: string): boolean {
    return this.wordSet.has(word);
  }

  has(text: string): boolean {
    return this.hasNormal(normalizeText(text));
  }

  /** has for text already normalised (see formsOfNormal). */
  hasNormal(text: string): boolean {
    countWork(text.length);
    return this.byKey.has(compact(text));
  }

  /** Every spelling of every term. */
  *forms(): Iterable<TermForm> {
    for (const group of this.groups) yield* group;
  }

  /** The words of every spelling. */
  *phrases(): Iterable<string[]> {
    for (const group of this.groups) for (const form of group) yield form.words;
  }
}

function toForm(spelling: string): TermForm | undefined {
  const surface = normalizeText(spelling);
  const words = wordsOf(surface).filter((w) => !w.part);
  const texts = words.map((w) => w.text);
  const [first, second] = words;
  if (!first) return undefined;
  if (words.length === 1) return { surface, term: first.text, words: texts };
  if (first.kind === 'latin' && second?.kind === 'latin') return { surface, term: pairTerm(first.text, second.text), words: texts };
  if (first.kind === 'hangul' && second?.kind === 'hangul') return { surface, term: joinTerm(first.text, second.text), words: texts };
  return undefined;
}
