import type { Database, Statement, Transaction } from 'better-sqlite3';
import { toRecord, type QuestionRecord, type QuestionRow } from './questions.ts';

export type AnswerStatus = 'posted' | 'accepted';

/**
 * Which rows a caller may see: a guild's own and those asked outside any guild (the console and
 * the CLI); `undefined` sees everything (the console and CLI themselves).
 */
export type GuildScope = string | undefined;

export interface NewAnswer {
  questionId: number;
  authorId: string;
  authorName: string;
  guildId?: string | undefined;
  channelId?: string | undefined;
  /** Already redacted. */
  text: string;
  answeredAt: Date;
}

export interface AnswerRecord extends NewAnswer {
  id: number;
  status: AnswerStatus;
  updatedAt: Date;
}

/** A question with what became of it: votes, community answers. */
export interface QuestionSummary extends QuestionRecord {
  /** The notes answered it with a good hit. */
  answered: boolean;
  hidden: boolean;
  up: number;
  down: number;
  answers: number;
  accepted: boolean;
  /** No community answer yet, and no good hit (unless a 👍 said otherwise) or more 👎 than 👍. */
  needsAnswer: boolean;
}

/** One question with its answers, as the community index reads them (accepted first, then oldest first). */
export interface CommunityRow {
  questionId: number;
  query: string;
  guildId?: string | undefined;
  hidden: boolean;
  askedAt: Date;
  answer: AnswerRecord;
}

export interface WeekCounts {
  asked: number;
  /** /ask had a good hit: a note, or a member's earlier answer. */
  answeredAtOnce: number;
  /** Members answered it afterwards (/qa answer). */
  answeredByMembers: number;
  answersWritten: number;
  up: number;
  down: number;
}

export interface VoteRow {
  questionId: number;
  userId: string;
  sectionId: string;
  value: 1 | -1;
  votedAt: Date;
}

interface QuestionSummaryRow extends QuestionRow {
  up: number;
  down: number;
  answer_count: number;
  accepted: number;
  needs_answer: number;
}

interface AnswerRow {
  id: number;
  question_id: number;
  author_id: string;
  author_name: string;
  guild_id: string | null;
  channel_id: string | null;
  text: string;
  answered_at: string;
  status: AnswerStatus;
  updated_at: string;
}

interface CommunityJoinRow extends AnswerRow {
  q_query: string;
  q_guild_id: string | null;
  q_hidden: number;
  q_asked_at: string;
}

/** `q` may be seen from `@guild` (NULL: from anywhere). */
const IN_SCOPE = '(@guild IS NULL OR q.guild_id = @guild OR q.guild_id IS NULL)';

/**
 * Whether question `q` still waits for an answer: nobody answered it, and either the notes had no
 * good hit (unless a member's 👍 said the closest section did answer it) or 👎 outweigh 👍.
 */
const NEEDS_ANSWER = `(
  NOT EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id)
  AND (
    (q.answered = 0 AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.question_id = q.id AND v.value > 0))
    OR (SELECT COALESCE(SUM(v.value), 0) FROM votes v WHERE v.question_id = q.id) < 0
  ))`;

const SUMMARY = `
  SELECT q.id, q.asked_at, q.user_id, q.user_name, q.guild_id, q.channel_id, q.transport, q.locale, q.query,
         q.hit_ids, q.top_score, q.answered, q.hidden,
         (SELECT COALESCE(SUM(v.value = 1), 0) FROM votes v WHERE v.question_id = q.id) AS up,
         (SELECT COALESCE(SUM(v.value = -1), 0) FROM votes v WHERE v.question_id = q.id) AS down,
         (SELECT count(*) FROM answers a WHERE a.question_id = q.id) AS answer_count,
         EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.status = 'accepted') AS accepted,
         ${NEEDS_ANSWER} AS needs_answer
  FROM questions q`;

const NEWEST_FIRST = 'ORDER BY q.asked_at DESC, q.id DESC';

/**
 * The Q&A memory beyond recording questions (src/store/questions.ts): community answers and
 * which one solved a question, listings (unanswered, a member's history), the week's numbers and
 * the export. Prepared statements only; writes that touch several rows are one transaction.
 */
export class QaRepository {
  private readonly insertAnswer: Statement;
  private readonly answerById: Statement<[number], AnswerRow>;
  private readonly answersOf: Statement<[number], AnswerRow>;
  private readonly unaccept: Statement<[string, number]>;
  private readonly acceptRow: Statement<[string, number]>;
  private readonly deleteAnswer: Statement<[number]>;
  private readonly summaryById: Statement<{ id: number }, QuestionSummaryRow>;
  private readonly recentRows: Statement<{ guild: string | null; limit: number; offset: number }, QuestionSummaryRow>;
  private readonly unansweredRows: Statement<
    { guild: string | null; limit: number; offset: number },
    QuestionSummaryRow
  >;
  private readonly unansweredCount: Statement<{ guild: string | null }, { n: number }>;
  private readonly userRows: Statement<
    { guild: string | null; user: string; limit: number; offset: number },
    QuestionSummaryRow
  >;
  private readonly userCount: Statement<{ guild: string | null; user: string }, { n: number }>;
  private readonly communityRows: Statement<[], CommunityJoinRow>;
  private readonly answersFingerprint: Statement<[], { fingerprint: string | null }>;
  private readonly totalChanges: Statement<[], { n: number }>;
  private readonly weekCounts: Statement<{ guild: string | null; since: string }, WeekCounts>;
  private readonly weekTopHits: Statement<{ guild: string | null; since: string }, { top: string; n: number }>;
  private readonly exportQuestions: Statement<{ guild: string | null }, QuestionSummaryRow>;
  private readonly exportAnswers: Statement<{ guild: string | null }, AnswerRow>;
  private readonly exportVotes: Statement<
    { guild: string | null },
    { question_id: number; user_id: string; section_id: string; value: 1 | -1; voted_at: string }
  >;
  private readonly latestAnswers: Statement<{ guild: string | null; limit: number }, CommunityJoinRow>;
  private readonly acceptTransaction: Transaction<(id: number, at: string) => void>;

  constructor(private readonly db: Database) {
    this.insertAnswer = db.prepare(`
      INSERT INTO answers (question_id, author_id, author_name, guild_id, channel_id, text, answered_at, status, updated_at)
      VALUES (@questionId, @authorId, @authorName, @guildId, @channelId, @text, @answeredAt, 'posted', @answeredAt)`);
    this.answerById = db.prepare('SELECT * FROM answers WHERE id = ?');
    this.answersOf = db.prepare(
      "SELECT * FROM answers WHERE question_id = ? ORDER BY status = 'accepted' DESC, id ASC",
    );
    this.unaccept = db.prepare(
      "UPDATE answers SET status = 'posted', updated_at = ? WHERE question_id = ? AND status = 'accepted'",
    );
    this.acceptRow = db.prepare("UPDATE answers SET status = 'accepted', updated_at = ? WHERE id = ?");
    this.deleteAnswer = db.prepare('DELETE FROM answers WHERE id = ?');
    this.summaryById = db.prepare(`${SUMMARY} WHERE q.id = @id`);
    this.recentRows = db.prepare(`${SUMMARY} WHERE ${IN_SCOPE} ${NEWEST_FIRST} LIMIT @limit OFFSET @offset`);
    this.unansweredRows = db.prepare(
      `${SUMMARY} WHERE ${IN_SCOPE} AND ${NEEDS_ANSWER} ${NEWEST_FIRST} LIMIT @limit OFFSET @offset`,
    );
    this.unansweredCount = db.prepare(`SELECT count(*) AS n FROM questions q WHERE ${IN_SCOPE} AND ${NEEDS_ANSWER}`);
    this.userRows = db.prepare(
      `${SUMMARY} WHERE q.user_id = @user AND ${IN_SCOPE} ${NEWEST_FIRST} LIMIT @limit OFFSET @offset`,
    );
    this.userCount = db.prepare(`SELECT count(*) AS n FROM questions q WHERE q.user_id = @user AND ${IN_SCOPE}`);
    this.communityRows = db.prepare(`
      SELECT a.*, q.query AS q_query, q.guild_id AS q_guild_id, q.hidden AS q_hidden, q.asked_at AS q_asked_at
      FROM answers a JOIN questions q ON q.id = a.question_id
      ORDER BY a.question_id, a.status = 'accepted' DESC, a.id ASC`);
    this.answersFingerprint = db.prepare(
      "SELECT group_concat(id || ':' || status, ',') AS fingerprint FROM (SELECT id, status FROM answers ORDER BY id)",
    );
    this.totalChanges = db.prepare('SELECT total_changes() AS n');
    this.weekCounts = db.prepare(`
      SELECT
        (SELECT count(*) FROM questions q WHERE ${IN_SCOPE} AND q.asked_at >= @since) AS asked,
        (SELECT count(*) FROM questions q WHERE ${IN_SCOPE} AND q.asked_at >= @since AND q.answered = 1) AS answeredAtOnce,
        (SELECT count(*) FROM questions q WHERE ${IN_SCOPE} AND q.asked_at >= @since
           AND EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id)) AS answeredByMembers,
        (SELECT count(*) FROM answers a JOIN questions q ON q.id = a.question_id
           WHERE ${IN_SCOPE} AND a.answered_at >= @since) AS answersWritten,
        (SELECT count(*) FROM votes v JOIN questions q ON q.id = v.question_id
           WHERE ${IN_SCOPE} AND v.voted_at >= @since AND v.value = 1) AS up,
        (SELECT count(*) FROM votes v JOIN questions q ON q.id = v.question_id
           WHERE ${IN_SCOPE} AND v.voted_at >= @since AND v.value = -1) AS down`);
    // What the week's questions were about: the section each one was answered with.
    this.weekTopHits = db.prepare(`
      SELECT json_extract(q.hit_ids, '$[0]') AS top, count(*) AS n
      FROM questions q
      WHERE ${IN_SCOPE} AND q.asked_at >= @since AND q.answered = 1 AND json_array_length(q.hit_ids) > 0
      GROUP BY top ORDER BY n DESC, top`);
    this.exportQuestions = db.prepare(`${SUMMARY} WHERE ${IN_SCOPE} ORDER BY q.id`);
    this.exportAnswers = db.prepare(`
      SELECT a.* FROM answers a JOIN questions q ON q.id = a.question_id WHERE ${IN_SCOPE} ORDER BY a.id`);
    this.exportVotes = db.prepare(`
      SELECT v.* FROM votes v JOIN questions q ON q.id = v.question_id WHERE ${IN_SCOPE}
      ORDER BY v.question_id, v.voted_at, v.user_id`);
    this.latestAnswers = db.prepare(`
      SELECT a.*, q.query AS q_query, q.guild_id AS q_guild_id, q.hidden AS q_hidden, q.asked_at AS q_asked_at
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE ${IN_SCOPE} ORDER BY a.id DESC LIMIT @limit`);
    this.acceptTransaction = db.transaction((id: number, at: string) => {
      const row = this.answerById.get(id);
      if (!row) return;
      this.unaccept.run(at, row.question_id);
      this.acceptRow.run(at, id);
    });
  }

  addAnswer(answer: NewAnswer): AnswerRecord {
    const result = this.insertAnswer.run({
      ...answer,
      guildId: answer.guildId ?? null,
      channelId: answer.channelId ?? null,
      answeredAt: answer.answeredAt.toISOString(),
    });
    const saved = this.answer(Number(result.lastInsertRowid));
    if (!saved) throw new Error('answer vanished right after it was saved');
    return saved;
  }

  answer(id: number): AnswerRecord | undefined {
    const row = this.answerById.get(id);
    return row ? toAnswer(row) : undefined;
  }

  /** Accepted first, then in the order they were written. */
  answersTo(questionId: number): AnswerRecord[] {
    return this.answersOf.all(questionId).map(toAnswer);
  }

  /** Marks the answer as the one that solved its question (one per question: any other goes back to posted). */
  accept(id: number, at: Date): void {
    this.acceptTransaction.immediate(id, at.toISOString());
  }

  removeAnswer(id: number): boolean {
    return this.deleteAnswer.run(id).changes === 1;
  }

  question(id: number): QuestionSummary | undefined {
    const row = this.summaryById.get({ id });
    return row ? toSummary(row) : undefined;
  }

  /** Newest first. */
  recent(guild: GuildScope, limit: number, offset = 0): QuestionSummary[] {
    return this.recentRows.all({ guild: guild ?? null, limit, offset }).map(toSummary);
  }

  /** Questions still waiting for an answer (see `needsAnswer`), newest first. */
  unanswered(guild: GuildScope, limit: number, offset = 0): QuestionSummary[] {
    return this.unansweredRows.all({ guild: guild ?? null, limit, offset }).map(toSummary);
  }

  countUnanswered(guild: GuildScope): number {
    return this.unansweredCount.get({ guild: guild ?? null })?.n ?? 0;
  }

  /** One member's questions, newest first. */
  askedBy(user: string, guild: GuildScope, limit: number, offset = 0): QuestionSummary[] {
    return this.userRows.all({ guild: guild ?? null, user, limit, offset }).map(toSummary);
  }

  countAskedBy(user: string, guild: GuildScope): number {
    return this.userCount.get({ guild: guild ?? null, user })?.n ?? 0;
  }

  /** Every answer with its question, grouped by question, accepted first. */
  communityAnswers(): CommunityRow[] {
    return this.communityRows.all().map(toCommunityRow);
  }

  /** The latest answers with their questions, newest first. */
  recentAnswers(guild: GuildScope, limit: number): CommunityRow[] {
    return this.latestAnswers.all({ guild: guild ?? null, limit }).map(toCommunityRow);
  }

  /** Changes whenever an answer is added, accepted, removed or deleted with its question. */
  answersVersion(): string {
    return this.answersFingerprint.get()?.fingerprint ?? '';
  }

  /** Changes whenever another connection commits, or this one writes anything. */
  changeCounter(): string {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    return `${version}:${this.totalChanges.get()?.n ?? 0}`;
  }

  week(guild: GuildScope, since: Date): WeekCounts {
    const counts = this.weekCounts.get({ guild: guild ?? null, since: since.toISOString() });
    return counts ?? { asked: 0, answeredAtOnce: 0, answeredByMembers: 0, answersWritten: 0, up: 0, down: 0 };
  }

  /** Section ids the week's answered questions were answered with, most frequent first. */
  weekTopSections(guild: GuildScope, since: Date): Array<{ sectionId: string; count: number }> {
    return this.weekTopHits
      .all({ guild: guild ?? null, since: since.toISOString() })
      .map((row) => ({ sectionId: row.top, count: row.n }));
  }

  exportRows(guild: GuildScope): { questions: QuestionSummary[]; answers: AnswerRecord[]; votes: VoteRow[] } {
    const scope = { guild: guild ?? null };
    return this.db.transaction(() => ({
      questions: this.exportQuestions.all(scope).map(toSummary),
      answers: this.exportAnswers.all(scope).map(toAnswer),
      votes: this.exportVotes.all(scope).map((row) => ({
        questionId: row.question_id,
        userId: row.user_id,
        sectionId: row.section_id,
        value: row.value,
        votedAt: new Date(row.voted_at),
      })),
    }))();
  }
}

function toAnswer(row: AnswerRow): AnswerRecord {
  return {
    id: row.id,
    questionId: row.question_id,
    authorId: row.author_id,
    authorName: row.author_name,
    guildId: row.guild_id ?? undefined,
    channelId: row.channel_id ?? undefined,
    text: row.text,
    answeredAt: new Date(row.answered_at),
    status: row.status,
    updatedAt: new Date(row.updated_at),
  };
}

function toCommunityRow(row: CommunityJoinRow): CommunityRow {
  return {
    questionId: row.question_id,
    query: row.q_query,
    guildId: row.q_guild_id ?? undefined,
    hidden: row.q_hidden === 1,
    askedAt: new Date(row.q_asked_at),
    answer: toAnswer(row),
  };
}

function toSummary(row: QuestionSummaryRow): QuestionSummary {
  return {
    ...toRecord(row),
    up: row.up,
    down: row.down,
    answers: row.answer_count,
    accepted: row.accepted === 1,
    needsAnswer: row.needs_answer === 1,
  };
}
