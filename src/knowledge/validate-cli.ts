/** `npm run validate`: checks knowledge/ and exits non-zero on any problem. */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { loadKnowledge } from './loader.ts';
import { allProblems, formatProblem } from './validate.ts';

const dir = process.argv[2] ?? join(PROJECT_ROOT, 'knowledge');
const knowledge = loadKnowledge(dir, PROJECT_ROOT);
const problems = allProblems(knowledge);
const sections = knowledge.docs.reduce((n, doc) => n + doc.sections.length, 0);
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`knowledge: ${problems.length} problem(s) in ${knowledge.docs.length} files`);
  process.exit(1);
}
console.error(`knowledge: ${knowledge.docs.length} files, ${sections} sections, ${knowledge.glossary.length} glossary terms: ok`);
