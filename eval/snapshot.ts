/**
 * A snapshot of what search and autocomplete return for every question in eval/questions: the
 * top-10 hits (id, score to 1e-6, `matched`, snippet) and the suggestions for the first 1–4
 * characters and the whole question. Performance work must leave it unchanged.
 *
 * The full snapshot is large (~2 MB), so the committed copy, eval/snapshot.jsonl, keeps one
 * digest per line, after a first line with a digest of its inputs (knowledge/ and
 * eval/questions). test/search-snapshot.test.ts compares it while those inputs are unchanged, so
 * editing the notes never breaks the build; an engine change must keep every answer. To see what
 * an intended ranking change did, diff the full output before and after.
 *
 *   npm run -s snapshot                  print the full snapshot
 *   npm run -s snapshot -- --write       store the digests as eval/snapshot.jsonl
 *   npm run -s snapshot -- --scale 10    on the corpus replicated 10× (to compare by hand)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { KoreanSearchEngine } from '../src/knowledge/search/korean-search-engine.ts';
import type { SearchEngine } from '../src/knowledge/search-engine.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { QUESTIONS_DIR } from './questions.ts';
import { replicate } from './replicate.ts';

export const SNAPSHOT_FILE = join(dirname(fileURLToPath(import.meta.url)), 'snapshot.jsonl');
const HITS = 10;
const SUGGESTIONS = 25;

/** One query and what the engine answered. */
export interface SnapshotLine {
  kind: 'search' | 'suggest';
  input: string;
  /** JSON of the answer. */
  output: string;
}

/** Every question of every file, in file and line order, without duplicates. */
export function snapshotQuestions(dir = QUESTIONS_DIR): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const lines = files.flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim()),
  );
  return [...new Set(lines.map((l) => (JSON.parse(l) as { q: string }).q))];
}

/** What a member has typed when autocomplete asks: the first 1–4 characters, and the whole question. */
function prefixesOf(question: string): string[] {
  const chars = Array.from(question); // code points: a prefix never splits a surrogate pair
  return [1, 2, 3, 4]
    .filter((n) => n <= chars.length)
    .map((n) => chars.slice(0, n).join(''))
    .concat(question);
}

export function createSnapshotEngine(scale = 1): SearchEngine {
  const knowledge = loadKnowledge(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
  const sections = replicate(
    knowledge.docs.flatMap((d) => d.sections),
    scale,
  );
  return new KoreanSearchEngine(sections, knowledge.glossary, knowledge.docs);
}

/** One line per question, then one per distinct autocomplete prefix. */
export function takeSnapshot(engine: SearchEngine, questions = snapshotQuestions()): SnapshotLine[] {
  const lines: SnapshotLine[] = [];
  for (const q of questions) {
    const hits = engine
      .search(q, HITS)
      .hits.map((h) => ({ id: h.section.id, score: round(h.score), matched: h.matched, snippet: h.snippet }));
    lines.push({ kind: 'search', input: q, output: JSON.stringify(hits) });
  }
  for (const prefix of new Set(questions.flatMap(prefixesOf))) {
    lines.push({
      kind: 'suggest',
      input: prefix,
      output: JSON.stringify(engine.suggest(prefix, SUGGESTIONS).map((s) => s.id)),
    });
  }
  return lines;
}

export const fullLine = (line: SnapshotLine): string =>
  `{${JSON.stringify(line.kind)}:${JSON.stringify(line.input)},"answer":${line.output}}`;

export const digestLine = (line: SnapshotLine): string =>
  JSON.stringify({
    [line.kind]: line.input,
    digest: createHash('sha256').update(line.output).digest('hex').slice(0, 16),
  });

/** What the snapshot was taken of: every knowledge file and question list (not their READMEs), by path and content. */
export function inputsDigest(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(join(PROJECT_ROOT, 'knowledge')),
    ...filesUnder(QUESTIONS_DIR).filter((f) => f.endsWith('.jsonl')),
  ];
  for (const file of inputs)
    hash.update(file.slice(PROJECT_ROOT.length)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

export interface CommittedSnapshot {
  inputs: string;
  digests: string[];
}

export function readCommittedSnapshot(): CommittedSnapshot {
  const [header = '{}', ...digests] = readFileSync(SNAPSHOT_FILE, 'utf8').split('\n').filter(Boolean);
  const { inputs } = JSON.parse(header) as { inputs?: unknown };
  return { inputs: typeof inputs === 'string' ? inputs : '', digests };
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
  const lines = takeSnapshot(createSnapshotEngine(scale));
  if (args.includes('--write')) {
    writeFileSync(
      SNAPSHOT_FILE,
      [JSON.stringify({ inputs: inputsDigest() }), ...lines.map(digestLine)].join('\n') + '\n',
    );
    console.log(`snapshot digests written to ${SNAPSHOT_FILE}`);
  } else {
    process.stdout.write(lines.map(fullLine).join('\n') + '\n');
  }
}
