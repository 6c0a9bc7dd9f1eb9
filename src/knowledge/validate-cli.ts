/** `npm run validate`: checks knowledge/ and exits non-zero on any problem. */
import { join } from 'node:path';
import { staleBuildWarning } from '../build-freshness.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { loadKnowledge } from './loader.ts';
import { allProblems, formatProblem } from './validate.ts';

const stale = staleBuildWarning();
if (stale) console.error(`validate: ${stale}`);
const dir = process.argv[2] ?? join(PROJECT_ROOT, 'knowledge');
const knowledge = loadKnowledge(dir, PROJECT_ROOT);
const problems = allProblems(knowledge);
const files = knowledge.docs.length;
const sections = knowledge.docs.reduce((n, doc) => n + doc.sections.length, 0);
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`knowledge: ${problems.length} problem(s) in ${files} files`);
  process.exit(1);
}
console.error(`knowledge: ${files} files, ${sections} sections, ${knowledge.glossary.length} glossary terms: ok`);
