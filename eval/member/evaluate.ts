import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/core/clock.ts';
import type { Caller } from '../../src/core/context.ts';
import { createLogger } from '../../src/core/logger.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import {
  firstAnswer,
  isSure,
  missingFacts,
  normalizeForFacts,
  shownText,
  stripMarkup,
  type FirstAnswer,
} from './first-answer.ts';
import { wholeText } from './labels.ts';
import {
  loadMemberQuestions,
  MEMBER_PHENOMENA,
  MEMBER_SPLITS,
  type MemberPhenomenon,
  type MemberQuestion,
  type MemberSplit,
} from './questions.ts';

export interface MemberOutcome {
  question: MemberQuestion;
  /** The reply is a sure answer (not "no good answer", not an error). */
  sure: boolean;
  /** The ask command refused the question (e.g. longer than its option allows): its error. */
  refused: { code: string; message: string } | undefined;
  answer: FirstAnswer;
  /** Fact groups the first answer does not show (answerable questions only). */
  missing: string[][];
  /** Sure, and every fact group shows in the first answer's title + text. */
  rightAndSure: boolean;
  /** The sections ask listed, best first (its `hits`). */
  hitIds: string[];
  /**
   * 1-based rank, in what the member reads, of the first thing that answers it (by `ids`, else
   * facts over its whole text): a sure first reply is rank 1 whatever sections it was composed
   * from, each section offered beside it the next; an unsure reply's listed sections one each.
   */
  rank: number | undefined;
}

export interface MemberScores {
  n: number;
  answerable: number;
  /** Shares of the answerable questions; undefined when there are none. */
  rightAndSure: number | undefined;
  sure: number | undefined;
  hit1: number | undefined;
  hit3: number | undefined;
  unanswerable: number;
  /** Share of the unanswerable questions ask was not sure about; undefined when there are none. */
  leftUnsure: number | undefined;
}

export interface MemberReport {
  split: MemberSplit;
  outcomes: MemberOutcome[];
  rows: Array<[MemberPhenomenon | 'overall', MemberScores]>;
}

/** What the issue asks of the held-out split (first answer, unanswerable) and of hit@3. */
export const MEMBER_TARGETS = { rightAndSure: 0.9, leftUnsure: 0.85, hit3: 0.95 } as const;

const ASK_HITS = z.looseObject({ hits: z.array(z.looseObject({ id: z.string() })) });

/** A member asking in the study group's Discord: a new member each time, so no cooldown applies. */
function memberCaller(n: number): Caller {
  return {
    id: `member-eval-${n}`,
    name: 'member',
    locale: 'ko',
    transport: 'discord',
    guildId: 'member-eval',
    channelId: 'member-eval',
    isOrganizer: false,
  };
}

/** Runs each question through the real `ask` command and dispatcher, as a member would ask it. */
export async function askAll(app: App, questions: MemberQuestion[]): Promise<MemberOutcome[]> {
  const outcomes: MemberOutcome[] = [];
  for (const [i, question] of questions.entries()) {
    const reply = await app.dispatcher.run({ name: 'ask', options: { query: question.q } }, memberCaller(i));
    outcomes.push(judge(question, reply, app.services.knowledge));
  }
  return outcomes;
}

export function judge(question: MemberQuestion, reply: Reply, knowledge: KnowledgeBase): MemberOutcome {
  const answer = firstAnswer(reply);
  const sure = isSure(reply);
  const listed = ASK_HITS.safeParse(reply.data);
  const hitIds = listed.success && !reply.error ? listed.data.hits.map((h) => h.id) : [];
  const missing = question.facts ? missingFacts(withoutEcho(shownText(answer), question.q), question.facts) : [];
  // What the member reads, in order: a sure first reply (however many sections it was composed
  // from) is one thing, the sections offered beside it follow, one each; an unsure reply lists
  // the closest sections, one each.
  const composed = answer.sectionIds;
  const offered = hitIds.filter((id) => !composed.includes(id)).map((id) => [id]);
  const shown = composed.length ? [composed, ...offered] : offered;
  const index = question.facts ? shown.findIndex((ids) => ids.some((id) => answers(question, id, knowledge))) : -1;
  return {
    question,
    sure,
    refused: reply.error,
    answer,
    missing,
    rightAndSure: question.facts !== undefined && sure && missing.length === 0,
    hitIds,
    rank: index < 0 ? undefined : index + 1,
  };
}

/** Shorter lines (a command: "docker update --restart=no") may legitimately reappear in a right answer. */
const ECHO_MIN_LENGTH = 40;

/**
 * The shown text without verbatim copies of the question or of its longer lines: quoting the
 * member's pasted error back is context, not an answer, so it cannot supply a fact.
 */
export function withoutEcho(shown: string, question: string): string {
  const plain = (text: string) => normalizeForFacts(stripMarkup(text));
  const echoes = [question, ...question.split('\n')].map(plain).filter((line) => line.length >= ECHO_MIN_LENGTH);
  return echoes.reduce((text, echo) => text.replaceAll(echo, ' '), plain(shown));
}

const baseId = (id: string): string => id.replace(/~\d+$/, '');

function answers(question: MemberQuestion, id: string, knowledge: KnowledgeBase): boolean {
  if (question.ids) return question.ids.includes(baseId(id));
  return missingFacts(wholeText(knowledge, id) ?? '', question.facts ?? []).length === 0;
}

export function scoreMember(outcomes: MemberOutcome[]): MemberScores {
  const answerable = outcomes.filter((o) => o.question.facts);
  const none = outcomes.filter((o) => !o.question.facts);
  const share = (list: MemberOutcome[], test: (o: MemberOutcome) => boolean) =>
    list.length ? list.filter(test).length / list.length : undefined;
  return {
    n: outcomes.length,
    answerable: answerable.length,
    rightAndSure: share(answerable, (o) => o.rightAndSure),
    sure: share(answerable, (o) => o.sure),
    hit1: share(answerable, (o) => o.rank === 1),
    hit3: share(answerable, (o) => o.rank !== undefined && o.rank <= 3),
    unanswerable: none.length,
    leftUnsure: share(none, (o) => !o.sure),
  };
}

export function memberRows(outcomes: MemberOutcome[]): Array<[MemberPhenomenon | 'overall', MemberScores]> {
  const rows: Array<[MemberPhenomenon | 'overall', MemberScores]> = MEMBER_PHENOMENA.map((p) => [
    p,
    scoreMember(outcomes.filter((o) => o.question.phenomenon === p)),
  ]);
  rows.push(['overall', scoreMember(outcomes)]);
  return rows.filter(([, s]) => s.n > 0);
}

export function memberOverall(report: MemberReport): MemberScores {
  const row = report.rows.find(([p]) => p === 'overall');
  if (!row) throw new Error(`no questions in the ${report.split} split`);
  return row[1];
}

/**
 * Every split through a real app — real knowledge, the real commands and dispatcher, a
 * throwaway SQLite file (ask records each question) — unless an app is given.
 */
export async function evaluateMember(
  splits: readonly MemberSplit[] = MEMBER_SPLITS,
  given?: App,
): Promise<MemberReport[]> {
  const dir = given ? undefined : mkdtempSync(join(tmpdir(), 'dockhand-member-eval-'));
  const app =
    given ??
    (await createApp(loadConfig({ DOCKHAND_DB: join(dir ?? '', 'questions.db') }), {
      log: createLogger('silent'),
      clock: fixedClock('2026-11-28T09:00:00Z'),
    }));
  try {
    const reports: MemberReport[] = [];
    for (const split of splits) {
      const outcomes = await askAll(app, loadMemberQuestions(split));
      reports.push({ split, outcomes, rows: memberRows(outcomes) });
    }
    return reports;
  } finally {
    if (!given) await app.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
