/**
 * Search and suggest speed, index build time and memory: the project's engine beside plain
 * fuse.js, on the real corpus and on the corpus replicated 10× and 100× (synthetic copies with
 * their own ids) to show how the cost grows. Targets (issue 4): search p95 ≤ 5 ms and suggest
 * p95 ≤ 2 ms on the real corpus, both ≤ 50 ms at 100×, faster than plain fuse.js.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PlainFuseEngine } from '../eval/plain-fuse.ts';
import { loadQuestions } from '../eval/questions.ts';
import { replicate } from '../eval/replicate.ts';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { KoreanSearchEngine } from '../src/knowledge/search/korean-search-engine.ts';
import type { SearchEngine } from '../src/knowledge/search-engine.ts';
import type { GlossaryTerm, KnowledgeDoc, Section } from '../src/knowledge/types.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

type Factory = (sections: Section[], glossary: GlossaryTerm[], docs: KnowledgeDoc[]) => SearchEngine;

const ENGINES: Array<{ name: string; create: Factory; sample: Record<number, number> }> = [
  {
    name: 'dockhand',
    create: (s, g, d) => new KoreanSearchEngine(s, g, d),
    sample: { 1: Infinity, 10: Infinity, 100: Infinity },
  },
  // Plain fuse.js scans every section's whole text per query: sampled on the larger corpora.
  { name: 'plain fuse.js', create: (s) => new PlainFuseEngine(s), sample: { 1: Infinity, 10: 20, 100: 5 } },
];
const SCALES = [1, 10, 100];
const TARGETS = { search: { 1: 5, 100: 50 }, suggest: { 1: 2, 100: 50 } } as const;
/** An autocomplete prefix and a mistyped question, asked once right after the build. */
const FIRST_USE = { prefix: 'ㄷㅋ', typo: '볼룸 만들기' };

export default async function searchBench(): Promise<void> {
  const knowledge = loadKnowledge(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
  const sections = knowledge.docs.flatMap((d) => d.sections);
  const queries = [...loadQuestions('dev'), ...loadQuestions('heldout')].map((q) => q.q);
  // What members have typed so far when autocomplete asks: half a question, and its first word.
  const prefixes = queries.flatMap((q) => [q.slice(0, Math.ceil(q.length / 2)), q.split(' ')[0]!]);
  console.log(`${queries.length} questions, ${prefixes.length} autocomplete prefixes, ${sections.length} sections`);
  console.log(
    'corpus  sections  engine          build ms  memory MB  1st use ms  search p50/p95 ms  suggest p50/p95 ms  (questions timed)',
  );
  const results: Record<string, Record<number, { search: number; suggest: number }>> = {};

  for (const scale of SCALES) {
    const corpus = replicate(sections, scale);
    for (const engine of ENGINES) {
      await settle();
      const memoryBefore = memoryUsed();
      const started = performance.now();
      const built = engine.create(corpus, knowledge.glossary, knowledge.docs);
      const buildMs = performance.now() - started;
      // The first autocomplete request and the first typo also pay for what is built on first use.
      const firstUseStarted = performance.now();
      built.suggest(FIRST_USE.prefix, 25);
      built.search(FIRST_USE.typo, 5);
      const firstUseMs = performance.now() - firstUseStarted;
      await settle();
      const memoryMb = (memoryUsed() - memoryBefore) / 1024 / 1024;
      const n = Math.min(queries.length, engine.sample[scale] ?? Infinity);
      const rounds = n === queries.length ? 5 : 1;
      const searchTimes = time(queries.slice(0, n), (q) => built.search(q, 5), rounds, rounds === 1 ? 1 : 3);
      const suggestTimes = time(prefixes.slice(0, n * 2), (p) => built.suggest(p, 25), rounds, rounds === 1 ? 1 : 3);
      const search = percentile(searchTimes, 0.95);
      const suggest = percentile(suggestTimes, 0.95);
      (results[engine.name] ??= {})[scale] = { search, suggest };
      console.log(
        `${`${scale}×`.padEnd(7)} ${String(corpus.length).padStart(8)}  ${engine.name.padEnd(14)} ${buildMs.toFixed(0).padStart(9)} ${memoryMb.toFixed(1).padStart(10)} ${firstUseMs.toFixed(0).padStart(11)}` +
          `  ${fmt(percentile(searchTimes, 0.5))} / ${fmt(search)}      ${fmt(percentile(suggestTimes, 0.5))} / ${fmt(suggest)}     (${n})`,
      );
    }
  }

  const ours = results['dockhand']!;
  const plain = results['plain fuse.js']!;
  const checks: Array<[string, boolean]> = [
    [`search p95 ≤ ${TARGETS.search[1]} ms on the real corpus`, ours[1]!.search <= TARGETS.search[1]],
    [`suggest p95 ≤ ${TARGETS.suggest[1]} ms on the real corpus`, ours[1]!.suggest <= TARGETS.suggest[1]],
    [`search p95 ≤ ${TARGETS.search[100]} ms at 100×`, ours[100]!.search <= TARGETS.search[100]],
    [`suggest p95 ≤ ${TARGETS.suggest[100]} ms at 100×`, ours[100]!.suggest <= TARGETS.suggest[100]],
    ['search faster than plain fuse.js at every scale', SCALES.every((s) => ours[s]!.search < plain[s]!.search)],
  ];
  for (const [what, ok] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${what}`);
}

/**
 * Milliseconds per call, pooled over `rounds` timed passes after `warmups` untimed ones (the JIT
 * and the shared, noisy machine make a single pass unreliable).
 */
function time(inputs: string[], run: (input: string) => unknown, rounds = 1, warmups = 1): number[] {
  for (let w = 0; w < warmups; w++) for (const input of inputs) run(input);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const started = performance.now();
      run(input);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** Collects garbage, giving freed array buffers a moment to be released too. */
async function settle(): Promise<void> {
  for (let previous = Infinity; memoryUsed() < previous;) {
    previous = memoryUsed();
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** JS heap plus array buffers (the index's flat postings live in the latter). */
function memoryUsed(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(6);
