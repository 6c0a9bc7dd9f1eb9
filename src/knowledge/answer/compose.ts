import type { Translate } from '../../core/locale.ts';
import { quoteInline } from '../../core/text.ts';
import type { Question } from '../question.ts';
import type { SearchHit } from '../search-engine.ts';
import type { Section } from '../types.ts';
import { sectionTitle } from '../views.ts';
import { composePassage } from './passage.ts';
import { composePlaybook } from './playbook-answer.ts';
import { placementOf, readPlaybook } from './playbook.ts';
import type { RefLookup } from './refs.ts';

/** What the answer composer needs of the knowledge base. */
export interface AnswerSource extends RefLookup {
  /** How much of the question each text covers, 0..1 (the search engine's own reading of the question). */
  relevance(query: string, texts: readonly string[]): number[];
}

/**
 * The first answer to a question: what `/ask` shows first. A playbook's answer leads with the
 * likely causes ranked for the question, how to check and the fix; a note's is the passage
 * that matches, Markdown intact.
 */
export interface Answer {
  title: string;
  /** Light Markdown: bold, code spans and fences, lists, quotes (a reply's text). */
  text: string;
  /** The sections the text was taken from, the one it leads with first. */
  sectionIds: string[];
  /** The section the answer leads with: its chapter and source are shown beside it. */
  lead: Section;
}

/** The answer from the best hit: its playbook composed for the question, or its passage. */
export function composeAnswer(
  question: Question,
  hits: readonly SearchHit[],
  knowledge: AnswerSource,
  t: Translate,
): Answer | undefined {
  const [best] = hits;
  if (!best) return undefined;
  const doc = knowledge.doc(best.section.docId);
  const playbook = doc ? readPlaybook(doc) : undefined;
  const placement = playbook ? placementOf(playbook, best.section) : undefined;
  const body =
    playbook && placement
      ? composePlaybook(playbook, placement, question, knowledge, t)
      : composePassage(best.section, question, knowledge);
  const context = errorContext(question, t);
  return {
    title: playbook && placement ? playbook.doc.title : sectionTitle(best.section),
    text: [context, body.text].filter(Boolean).join('\n\n'),
    sectionIds: body.sectionIds,
    lead: best.section,
  };
}

/** For a pasted error: the line the answer is about, so the member sees what was read. */
function errorContext(question: Question, t: Translate): string {
  const [error] = question.errors;
  // A one-line question that is the error itself needs no echo.
  if (!error || !question.plain.includes('\n')) return '';
  return t({ ko: `**읽은 오류**: ${quoteInline(clipped(error))}`, en: `**The error**: ${quoteInline(clipped(error))}` });
}

const clipped = (text: string): string => (text.length > 200 ? `${text.slice(0, 199)}…` : text);
