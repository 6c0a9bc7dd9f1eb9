import type { KnowledgeDoc, Section } from '../types.ts';
import type { Bm25Index } from './bm25.ts';
import { Bm25Builder } from './bm25-builder.ts';
import { memoise } from './memoise.ts';
import { TermNumbering } from './term-numbering.ts';
import { isWordTerm, ownTerms } from './terms.ts';
import { phraseWords, wholeWords, wordsOf, type Word } from './tokens.ts';
import { FIELDS } from './weights.ts';

export interface SectionIndex {
  index: Bm25Index;
  /** Every word as the sections write it. */
  writtenWords: Set<string>;
  /** Each section's heading and aliases, as word lists. */
  termPhrases: string[][];
  /**
   * The index terms of every word in a heading, an alias or a document's titles, aliases and
   * tags: what the notes are about, as opposed to words that only occur in their prose.
   */
  topicTerms: Set<string>;
}

/** The BM25F index of the sections, one document per section, in order. */
export function indexSections(sections: Section[], docs: KnowledgeDoc[]): SectionIndex {
  const docById = new Map(docs.map((d) => [d.id, d]));
  const builder = new Bm25Builder(FIELDS);
  const numbering = new TermNumbering((term) => builder.termNumber(term));
  // Sections under the same headings of the same document share their context.
  const contextWords = memoise(wordsOf);
  const termPhrases: string[][] = [];
  const topicTerms = new Set<string>();
  const addTopics = (words: readonly Word[]) => {
    for (const word of words) for (const term of ownTerms(word)) if (isWordTerm(term)) topicTerms.add(term);
  };
  for (const doc of docs) addTopics(wordsOf([doc.title, doc.titleEn, ...doc.aliases, ...doc.tags].join(', ')));
  for (const section of sections) {
    const doc = docById.get(section.docId);
    const headingWords = wordsOf(section.heading);
    const fields = [
      headingWords,
      wordsOf(section.aliases.join(', ')),
      contextWords([...section.headingPath.slice(0, -1), doc?.titleEn ?? '', ...(doc?.aliases ?? [])].join(', ')),
      wordsOf(section.text),
    ];
    termPhrases.push(wholeWords(headingWords), ...section.aliases.map(phraseWords));
    addTopics(fields[0] ?? []);
    addTopics(fields[1] ?? []);
    builder.addDocument(fields.map((words) => numbering.termNumbers(words)));
  }
  return { index: builder.build(), writtenWords: numbering.writtenWords, termPhrases, topicTerms };
}
