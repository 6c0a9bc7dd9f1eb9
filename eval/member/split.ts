/**
 * The seeded split of the member-level questions into dev (tuning allowed) and held-out
 * (measured only), stratified by phenomenon, so each split holds about half of every one.
 *
 *   npx tsx eval/member/split.ts           split questions.jsonl (or re-split dev + heldout) into the two files
 *   npx tsx eval/member/split.ts --check   exit 1 unless the committed files are that split
 *
 * Questions with ids up to FROZEN_THROUGH were split this way once, after all of them were
 * written and before the engine was run on any; a question added later goes to dev (its author
 * has seen the engine), never to held-out.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEMBER_DIR, MEMBER_PHENOMENA, parseMemberLines, splitFile, type MemberSplit } from './questions.ts';

export const SPLIT_SEED = 1414;
export const FROZEN_THROUGH = 'm310';

interface Line {
  id: string;
  phenomenon: string;
  raw: string;
}

/** mulberry32: a small, well-known seeded generator, so the split is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * For each phenomenon in MEMBER_PHENOMENA order, its frozen questions sorted by id and shuffled
 * (Fisher–Yates, one generator for the whole run): the first ⌊n/2⌋ are held out, the rest are dev.
 * Questions after FROZEN_THROUGH are dev.
 */
export function seededSplit(lines: Line[]): Record<MemberSplit, Line[]> {
  const random = mulberry32(SPLIT_SEED);
  const split: Record<MemberSplit, Line[]> = { dev: [], heldout: [] };
  for (const phenomenon of MEMBER_PHENOMENA) {
    const group = lines.filter((l) => l.phenomenon === phenomenon && l.id <= FROZEN_THROUGH);
    group.sort((a, b) => a.id.localeCompare(b.id));
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const [a, b] = [group[i], group[j]];
      if (a && b) [group[i], group[j]] = [b, a];
    }
    const held = Math.floor(group.length / 2);
    split.heldout.push(...group.slice(0, held));
    split.dev.push(...group.slice(held));
  }
  split.dev.push(...lines.filter((l) => l.id > FROZEN_THROUGH));
  for (const part of Object.values(split)) part.sort((a, b) => a.id.localeCompare(b.id));
  return split;
}

export function readLines(file: string): Line[] {
  const text = readFileSync(file, 'utf8');
  const parsed = parseMemberLines(text, file);
  const raws = text.split('\n').filter((l) => l.trim());
  return parsed.map((q, i) => ({ id: q.id, phenomenon: q.phenomenon, raw: raws[i] ?? '' }));
}

/** What differs between the committed split files and the seeded split of their union. */
export function splitProblems(dir = MEMBER_DIR): string[] {
  const committed = { dev: readLines(splitFile('dev', dir)), heldout: readLines(splitFile('heldout', dir)) };
  const expected = seededSplit([...committed.dev, ...committed.heldout]);
  const problems: string[] = [];
  for (const split of ['dev', 'heldout'] as const) {
    const want = new Set(expected[split].map((l) => l.id));
    for (const line of committed[split])
      if (!want.has(line.id)) problems.push(`${line.id} is in ${split}.jsonl but the seeded split puts it elsewhere`);
  }
  return problems;
}

function main(args: string[]): number {
  if (args.includes('--check')) {
    const problems = splitProblems();
    console.log(problems.join('\n') || `dev.jsonl and heldout.jsonl are the seeded split (seed ${SPLIT_SEED})`);
    return problems.length ? 1 : 0;
  }
  const source = join(MEMBER_DIR, 'questions.jsonl');
  const lines = existsSync(source)
    ? readLines(source)
    : [...readLines(splitFile('dev')), ...readLines(splitFile('heldout'))];
  const split = seededSplit(lines);
  for (const name of ['dev', 'heldout'] as const)
    writeFileSync(splitFile(name), split[name].map((l) => l.raw).join('\n') + '\n');
  if (existsSync(source)) rmSync(source);
  console.log(`dev ${split.dev.length}, held-out ${split.heldout.length} (seed ${SPLIT_SEED})`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
