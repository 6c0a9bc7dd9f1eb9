import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { memberOverall, MEMBER_TARGETS, type MemberOutcome, type MemberReport } from './evaluate.ts';
import { MEMBER_DIR, MEMBER_SPLITS, type MemberSplit } from './questions.ts';

const SPLIT_TITLES: Record<MemberSplit, string> = {
  dev: 'dev (tuning allowed)',
  heldout: 'held-out (measured only)',
};

/** The committed member-level figures per split; the member eval test fails below them. */
export const MEMBER_BASELINE_FILE = join(MEMBER_DIR, 'baseline.json');

const FIGURES = z.strictObject({ rightAndSure: z.number(), leftUnsure: z.number(), hit3: z.number() });
const BASELINE = z.record(z.enum(MEMBER_SPLITS), FIGURES);
export type MemberFigures = z.infer<typeof FIGURES>;

export function memberFigures(report: MemberReport): MemberFigures {
  const s = memberOverall(report);
  return { rightAndSure: round(s.rightAndSure ?? 0), leftUnsure: round(s.leftUnsure ?? 0), hit3: round(s.hit3 ?? 0) };
}

export function readMemberBaseline(): Partial<Record<MemberSplit, MemberFigures>> | undefined {
  if (!existsSync(MEMBER_BASELINE_FILE)) return undefined;
  return BASELINE.parse(JSON.parse(readFileSync(MEMBER_BASELINE_FILE, 'utf8')));
}

export function writeMemberBaseline(reports: MemberReport[]): void {
  const baseline = { ...readMemberBaseline(), ...Object.fromEntries(reports.map((r) => [r.split, memberFigures(r)])) };
  writeFileSync(MEMBER_BASELINE_FILE, JSON.stringify(baseline, null, 2) + '\n');
}

/** The member-level tables of one split, as `npm run eval` prints them. */
export function formatMemberReport(report: MemberReport, withMisses: boolean): string {
  const lines = [`\n## member-level, ${SPLIT_TITLES[report.split]}: what /ask shows first`];
  lines.push(
    `${'phenomenon'.padEnd(16)} ${'n'.padStart(3)}  ${'right&sure'.padStart(14)} ${'sure'.padStart(14)} ` +
      `${'hit@1'.padStart(14)} ${'hit@3'.padStart(14)}   ${'none left unsure'.padStart(16)}`,
  );
  for (const [phenomenon, s] of report.rows) {
    const ans = (x: number | undefined) => cell(x, s.answerable);
    lines.push(
      `${phenomenon.padEnd(16)} ${String(s.n).padStart(3)}  ${ans(s.rightAndSure)} ${ans(s.sure)} ` +
        `${ans(s.hit1)} ${ans(s.hit3)}   ${cell(s.leftUnsure, s.unanswerable).padStart(16)}`,
    );
  }
  const overall = memberOverall(report);
  lines.push(
    `targets (held-out): right&sure ≥ ${MEMBER_TARGETS.rightAndSure}, none left unsure ≥ ${MEMBER_TARGETS.leftUnsure}, ` +
      `hit@3 ≥ ${MEMBER_TARGETS.hit3} — here ${fmt(overall.rightAndSure)}, ${fmt(overall.leftUnsure)}, ${fmt(overall.hit3)}`,
  );
  lines.push(
    'right&sure: ask was sure and every fact group shows in the first reply (title + text, markup stripped);',
    'sure: answerable questions ask was sure about; hit@k: a section that answers it (ids) among ask’s first k hits.',
    `why answerable questions miss: ${missKinds(report.outcomes)}`,
  );
  if (withMisses) lines.push(...report.outcomes.filter(isMiss).map(formatMiss));
  return lines.join('\n');
}

export function isMiss(o: MemberOutcome): boolean {
  return o.question.facts ? !o.rightAndSure : o.sure;
}

/** Refused / unsure / sure on a wrong section / sure on a right section whose first reply lacks the facts. */
export function missKinds(outcomes: MemberOutcome[]): string {
  const misses = outcomes.filter((o) => o.question.facts && !o.rightAndSure);
  const count = (test: (o: MemberOutcome) => boolean) => misses.filter(test).length;
  return [
    `refused ${count((o) => o.refused !== undefined)}`,
    `unsure ${count((o) => !o.refused && !o.sure)} (best hit right: ${count((o) => !o.refused && !o.sure && o.rank === 1)})`,
    `sure on a wrong section ${count((o) => o.sure && o.rank !== 1)}`,
    `sure on a right section, facts not in the first reply ${count((o) => o.sure && o.rank === 1)}`,
  ].join(' · ');
}

export function formatMiss(o: MemberOutcome): string {
  const q = o.question;
  const saw = o.refused
    ? `refused (${o.refused.code}): ${o.refused.message}`
    : `${o.sure ? 'sure' : 'unsure'}: ${o.answer.title} — ${oneLine(o.answer.text, 220)}`;
  const why = q.facts
    ? o.sure || o.refused
      ? `missing ${o.missing.map((g) => g.join(' | ')).join(' ; ')}`
      : 'unsure'
    : 'answered although the notes cannot';
  return [
    `  [${q.phenomenon}] ${q.id} ${oneLine(q.q, 120)}`,
    `      saw   ${saw}`,
    `      why   ${why}${q.facts ? `  (hits: ${o.hitIds.slice(0, 3).join(', ') || '-'}; right at ${o.rank ?? '-'})` : ''}`,
  ].join('\n');
}

function oneLine(text: string, max: number): string {
  const flat = text
    .replace(/\s*\n\s*/g, ' ⏎ ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function cell(share: number | undefined, of: number): string {
  if (share === undefined) return '-'.padStart(14);
  return `${share.toFixed(2)} (${String(Math.round(share * of)).padStart(3)}/${String(of).padStart(3)})`.padStart(14);
}

function fmt(x: number | undefined): string {
  return x === undefined ? '-' : x.toFixed(2);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
