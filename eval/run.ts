/**
 * `npm run eval`: hit@1, hit@3 and MRR@10 per phenomenon and overall, for the project's engine
 * beside plain fuse.js, on the dev split (tuned on), the held-out split and the blind split (only measured).
 *
 *   npm run eval                    the tables
 *   npm run eval -- --misses        also dev questions whose first hit is wrong (never held-out)
 *   npm run eval -- --dev           only the dev split (while tuning)
 *   npm run eval -- --json          machine-readable
 *   npm run eval -- --calibrate     the confidence model refitted on the dev splits (weights.ts CONFIDENCE)
 *   npm run eval -- --write-baseline  store today's overall hit@3 in eval/baseline.json
 *                                     (and the member-level figures in eval/member/baseline.json)
 *
 * After the tables above comes the member-level section (eval/member): the real `ask` command's
 * first reply judged by the facts it must show, per phenomenon, beside hit@k.
 *   npm run eval -- --member        only the member-level section (--dev, --misses, --json apply)
 */
import { writeFileSync } from 'node:fs';
import { evaluateAll, overall, type SplitReport } from './report.ts';
import { BASELINE_FILE } from './baseline.ts';
import type { Scores } from './evaluate.ts';
import { calibrate, samples } from './calibrate.ts';
import { loadQuestions } from './questions.ts';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { CONFIDENCE } from '../src/knowledge/search/weights.ts';
import { loadMemberQuestions } from './member/questions.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { join } from 'node:path';
import { evaluateMember } from './member/evaluate.ts';
import { formatMemberReport, memberFigures, writeMemberBaseline, MEMBER_BASELINE_FILE } from './member/report.ts';

const SPLIT_TITLES = {
  dev: 'dev (tuned on)',
  heldout: 'held-out (measured only)',
  blind: 'blind (written without seeing the engine; measured only)',
} as const;
const args = new Set(process.argv.slice(2));
const memberOnly = args.has('--member');
const reports = memberOnly ? [] : evaluateAll().filter((r) => !args.has('--dev') || r.split === 'dev');

if (memberOnly) {
  // the member-level section below
} else if (args.has('--json')) {
  console.log(
    JSON.stringify(
      reports.map(({ split, ours, fuse }) => ({
        split,
        ours: Object.fromEntries(ours),
        fuse: Object.fromEntries(fuse),
      })),
    ),
  );
} else {
  for (const report of reports) printReport(report);
}

if (args.has('--calibrate')) {
  const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
  const questions = [
    ...loadQuestions('dev')
      .filter((q) => q.ids !== undefined)
      .map((q) => ({ set: 'questions', q: q.q, ids: q.ids ?? [] })),
    ...loadMemberQuestions('dev').map((q) => ({ set: 'member', q: q.q, ids: q.facts ? (q.ids ?? []) : [] })),
  ];
  const c = calibrate(samples(questions, knowledge), CONFIDENCE.threshold);
  const w = c.weights;
  console.log(
    `\ncalibration on dev (${c.right} answered right, ${c.none} unanswerable): ` +
      `coverage ${w.coverage.toFixed(2)}, title ${w.title.toFixed(2)}, evidence ${w.evidence.toFixed(2)}, ` +
      `foreign ${w.foreign.toFixed(2)}, missing ${w.missing.toFixed(2)}, ` +
      `bias ${w.bias.toFixed(2)}, threshold ${c.threshold.toFixed(2)} — ` +
      `${c.rightAbove}/${c.right} right answers sure, ${c.noneBelow}/${c.none} unanswerable unsure ` +
      `(committed: ${c.committed.rightAbove}/${c.right}, ${c.committed.noneBelow}/${c.none})`,
  );
}

if (args.has('--write-baseline') && !memberOnly) {
  const baseline = Object.fromEntries(reports.map((r) => [r.split, { hit3: round(overall(r).hit3) }]));
  writeFileSync(BASELINE_FILE, JSON.stringify(baseline, null, 2) + '\n');
  console.log(`baseline written to ${BASELINE_FILE}`);
}

if (memberOnly || !args.has('--json')) {
  const member = await evaluateMember(args.has('--dev') ? ['dev'] : undefined);
  if (args.has('--json')) {
    console.log(
      JSON.stringify(
        member.map((r) => ({ split: r.split, figures: memberFigures(r), rows: Object.fromEntries(r.rows) })),
      ),
    );
  } else {
    for (const report of member)
      console.log(formatMemberReport(report, args.has('--misses') && report.split === 'dev'));
  }
  if (args.has('--write-baseline')) {
    writeMemberBaseline(member);
    console.log(`member-level baseline written to ${MEMBER_BASELINE_FILE}`);
  }
}

function printReport({ split, ours, fuse, misses }: SplitReport): void {
  console.log(`\n## ${SPLIT_TITLES[split]}`);
  console.log(
    `${'phenomenon'.padEnd(11)} ${'n'.padStart(3)}  ours: hit@1 hit@3 MRR@10 unsure   plain fuse: hit@1 hit@3 MRR@10 unsure`,
  );
  for (const [phenomenon, scores] of ours) {
    const base = fuse.find(([p]) => p === phenomenon)?.[1];
    if (!base) throw new Error(`plain fuse.js has no ${phenomenon} row`);
    console.log(
      `${phenomenon.padEnd(11)} ${String(scores.n).padStart(3)}        ${cells(scores)} ${String(scores.unsure).padStart(6)}` +
        `              ${cells(base)} ${String(base.unsure).padStart(6)}`,
    );
  }
  console.log('unsure: answerable questions below the confidence threshold (ask would say "no good answer").');
  console.log('"none" questions count as a hit when the engine is not confident.');
  if (args.has('--misses') && split === 'dev') {
    for (const miss of misses) {
      console.log(
        `  ${miss.rank ?? '-'}  ${miss.confident ? ' ' : '?'} [${miss.question.phenomenon}] ${miss.question.q}  →  ${miss.top.join(' | ')}`,
      );
    }
  }
}

function cells(s: Scores): string {
  return [s.hit1, s.hit3, s.mrr10].map((x) => x.toFixed(2).padStart(5)).join(' ');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
