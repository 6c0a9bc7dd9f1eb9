import { redact } from '../core/redact.ts';
import type { AnswerRecord, QuestionSummary, VoteRow } from '../store/qa.ts';
import { toCsv } from './csv.ts';

export interface ExportedQuestion {
  id: number;
  askedAt: string;
  guildId: string | null;
  channelId: string | null;
  userId: string;
  userName: string;
  transport: 'discord' | 'cli';
  locale: 'ko' | 'en';
  /** Redacted. */
  query: string;
  hitIds: string[];
  topScore: number | null;
  answered: boolean;
  hidden: boolean;
  needsAnswer: boolean;
  votes: Array<{ userId: string; value: 1 | -1; sectionId: string; votedAt: string }>;
  answers: Array<{
    id: number;
    authorId: string;
    authorName: string;
    status: 'posted' | 'accepted';
    answeredAt: string;
    text: string;
  }>;
}

/** `/qa export`: every question the caller's guild may see, with its votes and answers. */
export interface QaExport {
  exportedAt: string;
  questions: ExportedQuestion[];
}

export function exportOf(
  rows: { questions: QuestionSummary[]; answers: AnswerRecord[]; votes: VoteRow[] },
  now: Date,
): QaExport {
  const answers = groupBy(rows.answers, (a) => a.questionId);
  const votes = groupBy(rows.votes, (v) => v.questionId);
  return {
    exportedAt: now.toISOString(),
    questions: rows.questions.map((q) => ({
      id: q.id,
      askedAt: q.askedAt.toISOString(),
      guildId: q.guildId ?? null,
      channelId: q.channelId ?? null,
      userId: q.userId,
      userName: q.userName,
      transport: q.transport,
      locale: q.locale,
      query: redact(q.query),
      hitIds: q.hitIds,
      topScore: q.topScore,
      answered: q.answered,
      hidden: q.hidden,
      needsAnswer: q.needsAnswer,
      votes: (votes.get(q.id) ?? []).map((v) => ({
        userId: v.userId,
        value: v.value,
        sectionId: v.sectionId,
        votedAt: v.votedAt.toISOString(),
      })),
      answers: (answers.get(q.id) ?? []).map((a) => ({
        id: a.id,
        authorId: a.authorId,
        authorName: a.authorName,
        status: a.status,
        answeredAt: a.answeredAt.toISOString(),
        text: a.text,
      })),
    })),
  };
}

export const QUESTION_COLUMNS = [
  'id',
  'asked_at',
  'guild_id',
  'channel_id',
  'user_id',
  'user_name',
  'transport',
  'locale',
  'query',
  'hit_ids',
  'top_score',
  'answered',
  'hidden',
  'needs_answer',
  'up',
  'down',
];
export const ANSWER_COLUMNS = ['id', 'question_id', 'author_id', 'author_name', 'status', 'answered_at', 'text'];
export const VOTE_COLUMNS = ['question_id', 'user_id', 'value', 'section_id', 'voted_at'];

/** The export as three CSV files (questions, answers, votes), joined by the question id. */
export function exportCsv(data: QaExport): Array<{ name: string; content: string }> {
  const questions = data.questions.map((q) => [
    q.id,
    q.askedAt,
    q.guildId,
    q.channelId,
    q.userId,
    q.userName,
    q.transport,
    q.locale,
    q.query,
    q.hitIds.join(' '),
    q.topScore,
    q.answered ? 1 : 0,
    q.hidden ? 1 : 0,
    q.needsAnswer ? 1 : 0,
    q.votes.filter((v) => v.value === 1).length,
    q.votes.filter((v) => v.value === -1).length,
  ]);
  const answers = data.questions.flatMap((q) =>
    q.answers.map((a) => [a.id, q.id, a.authorId, a.authorName, a.status, a.answeredAt, a.text]),
  );
  const votes = data.questions.flatMap((q) => q.votes.map((v) => [q.id, v.userId, v.value, v.sectionId, v.votedAt]));
  return [
    { name: 'questions.csv', content: toCsv(QUESTION_COLUMNS, questions) },
    { name: 'answers.csv', content: toCsv(ANSWER_COLUMNS, answers) },
    { name: 'votes.csv', content: toCsv(VOTE_COLUMNS, votes) },
  ];
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
