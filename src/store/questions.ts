import type { Database, Statement } from 'better-sqlite3';

export interface NewQuestion {
  askedAt: Date;
  userId: string;
  userName: string;
  guildId?: string | undefined;
  channelId?: string | undefined;
  transport: 'discord' | 'cli';
  locale: 'ko' | 'en';
  query: string;
  hitIds: string[];
  topScore: number | null;
  answered: boolean;
  /** Asked with "only me": the asker is never named or mentioned in public. */
  hidden?: boolean;
}

export interface QuestionRecord extends NewQuestion {
  id: number;
}

export interface VoteTotals {
  up: number;
  down: number;
}

/** A `questions` row as SQLite returns it. */
export interface QuestionRow {
  id: number;
  asked_at: string;
  user_id: string;
  user_name: string;
  guild_id: string | null;
  channel_id: string | null;
  transport: 'discord' | 'cli';
  locale: 'ko' | 'en';
  query: string;
  hit_ids: string;
  top_score: number | null;
  answered: number;
  hidden: number;
}

/** Every question asked, the section ids served, and the members' votes on them. */
export class QuestionRepository {
  private readonly insert: Statement;
  private readonly byId: Statement<[number], QuestionRow>;
  private readonly recentRows: Statement<[number], QuestionRow>;
  private readonly unansweredRows: Statement<[number], QuestionRow>;
  private readonly upsertVote: Statement;
  private readonly totals: Statement<[number, string], VoteTotals>;

  constructor(db: Database) {
    this.insert = db.prepare(`
      INSERT INTO questions (asked_at, user_id, user_name, guild_id, channel_id, transport, locale, query, hit_ids, top_score, answered, hidden)
      VALUES (@askedAt, @userId, @userName, @guildId, @channelId, @transport, @locale, @query, @hitIds, @topScore, @answered, @hidden)`);
    this.byId = db.prepare('SELECT * FROM questions WHERE id = ?');
    this.recentRows = db.prepare('SELECT * FROM questions ORDER BY id DESC LIMIT ?');
    // A member's 👍 on the closest section of an unsure answer says the notes did answer it.
    this.unansweredRows = db.prepare(`
      SELECT * FROM questions q
      WHERE q.answered = 0 AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.question_id = q.id AND v.value > 0)
      ORDER BY q.id DESC LIMIT ?`);
    this.upsertVote = db.prepare(`
      INSERT INTO votes (question_id, user_id, section_id, value, voted_at)
      VALUES (@questionId, @userId, @sectionId, @value, @votedAt)
      ON CONFLICT (question_id, user_id)
      DO UPDATE SET section_id = excluded.section_id, value = excluded.value, voted_at = excluded.voted_at`);
    this.totals = db.prepare(`
      SELECT COALESCE(SUM(value = 1), 0) AS up, COALESCE(SUM(value = -1), 0) AS down
      FROM votes WHERE question_id = ? AND section_id = ?`);
  }

  record(question: NewQuestion): number {
    const result = this.insert.run({
      ...question,
      askedAt: question.askedAt.toISOString(),
      guildId: question.guildId ?? null,
      channelId: question.channelId ?? null,
      hitIds: JSON.stringify(question.hitIds),
      answered: question.answered ? 1 : 0,
      hidden: question.hidden ? 1 : 0,
    });
    return Number(result.lastInsertRowid);
  }

  get(id: number): QuestionRecord | undefined {
    const row = this.byId.get(id);
    return row ? toRecord(row) : undefined;
  }

  recent(limit = 20): QuestionRecord[] {
    return this.recentRows.all(limit).map(toRecord);
  }

  unanswered(limit = 20): QuestionRecord[] {
    return this.unansweredRows.all(limit).map(toRecord);
  }

  /** One vote per member per question (on the section it was served); voting again changes it. Unknown question → false. */
  vote(vote: { questionId: number; userId: string; sectionId: string; value: 1 | -1; votedAt: Date }): boolean {
    if (!this.byId.get(vote.questionId)) return false;
    this.upsertVote.run({ ...vote, votedAt: vote.votedAt.toISOString() });
    return true;
  }

  voteTotals(questionId: number, sectionId: string): VoteTotals {
    return this.totals.get(questionId, sectionId) ?? { up: 0, down: 0 };
  }
}

export function toRecord(row: QuestionRow): QuestionRecord & { hidden: boolean } {
  return {
    id: row.id,
    askedAt: new Date(row.asked_at),
    userId: row.user_id,
    userName: row.user_name,
    guildId: row.guild_id ?? undefined,
    channelId: row.channel_id ?? undefined,
    transport: row.transport,
    locale: row.locale,
    query: row.query,
    hitIds: JSON.parse(row.hit_ids) as string[],
    topScore: row.top_score,
    answered: row.answered === 1,
    hidden: row.hidden === 1,
  };
}
