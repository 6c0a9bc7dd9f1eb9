import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { Section } from '../../src/knowledge/types.ts';
import { sectionTitle } from '../../src/knowledge/views.ts';
import { missingFacts } from './first-answer.ts';
import type { MemberQuestion } from './questions.ts';

const baseId = (id: string): string => id.replace(/~\d+$/, '');

/** A section as a member could read it whole: its heading path and its text (every passage). */
export function wholeText(knowledge: KnowledgeBase, id: string): string | undefined {
  const passages: Section[] = knowledge.sections.filter((s) => baseId(s.id) === baseId(id));
  const [first] = passages;
  if (!first) return undefined;
  return [sectionTitle(first), ...passages.map((s) => s.text)].join('\n');
}

/**
 * Checks the labels against the notes: every listed section exists, and every fact group
 * occurs in at least one of the question's sections — so a right first answer can be composed
 * from the notes, and the facts sit near the content that answers the question.
 */
export function labelProblems(questions: MemberQuestion[], knowledge: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const question of questions) {
    if (!question.facts) continue;
    const where = `${question.split} ${question.id} (${question.q.slice(0, 40).replace(/\s+/g, ' ')})`;
    if (!question.ids) {
      problems.push(`${where}: an answerable question lists the sections that answer it`);
      continue;
    }
    const texts: string[] = [];
    for (const id of question.ids) {
      const text = wholeText(knowledge, id);
      if (text === undefined) problems.push(`${where}: no section ${id}`);
      else texts.push(text);
    }
    for (const group of missingFacts(texts.join('\n'), question.facts))
      problems.push(`${where}: no listed section shows any of ${JSON.stringify(group)}`);
  }
  return problems;
}
