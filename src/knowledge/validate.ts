import { FINDING_CODES } from '../diagnostics/finding.ts';
import { CHAPTERS } from './chapters.ts';
import type { LoadedKnowledge } from './loader.ts';
import type { KnowledgeProblem } from './types.ts';

/** Problems that span files: codes no playbook explains, terms listed twice in the glossary. */
export function crossCheck(knowledge: LoadedKnowledge): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const explained = new Set(knowledge.docs.flatMap((doc) => doc.codes));
  for (const code of FINDING_CODES) {
    if (!explained.has(code)) {
      const message = `no playbook lists finding code "${code}" in codes:`;
      problems.push({ file: 'knowledge/troubleshooting', message });
    }
  }
  const chapters = new Set(knowledge.docs.filter((d) => d.kind === 'note').map((d) => d.chapter));
  for (const chapter of CHAPTERS) {
    if (!chapters.has(chapter)) problems.push({ file: 'knowledge/notes', message: `no note for chapter ${chapter}` });
  }
  const owner = new Map<string, number>();
  knowledge.glossary.forEach((term, index) => {
    for (const word of [...term.ko, ...term.en]) {
      const key = word.normalize('NFKC').toLowerCase();
      const first = owner.get(key);
      if (first !== undefined && first !== index) {
        const message = `"${word}" is in terms #${first + 1} and #${index + 1}`;
        problems.push({ file: 'knowledge/glossary.yaml', message });
      }
      owner.set(key, index);
    }
  });
  return problems;
}

export function allProblems(knowledge: LoadedKnowledge): KnowledgeProblem[] {
  return [...knowledge.problems, ...crossCheck(knowledge)];
}

export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}
