import type { Database, Statement, Transaction } from 'better-sqlite3';

/** What `forget` deleted or changed. */
export interface Forgotten {
  questions: number;
  votes: number;
  answers: number;
  /** Answers and votes others left on the member's questions, gone with them. */
  othersOnTheirQuestions: number;
  /** Reminders the member created: kept for the group, no longer naming them. */
  remindersUnnamed: number;
}

/** Who created a reminder once its creator asked to be forgotten. */
export const FORGOTTEN_MEMBER = { id: 'forgotten', name: '(삭제된 사용자 · deleted member)' };

/**
 * `/qa forget-me`: every row that names the member, in one transaction. Their questions go (with
 * the votes and answers on them), their votes and answers on others' questions go, and reminders
 * they created keep running without their id or name.
 */
export class ForgetRepository {
  private readonly counts: Statement<[string, string, string], { questions: number; votes: number; answers: number }>;
  private readonly countOnTheirs: Statement<[string, string, string, string], { n: number }>;
  private readonly deleteVotes: Statement<[string]>;
  private readonly deleteAnswers: Statement<[string]>;
  private readonly deleteQuestions: Statement<[string]>;
  private readonly unnameReminders: Statement<[string, string, string]>;
  private readonly forgetTransaction: Transaction<(userId: string) => Forgotten>;

  constructor(db: Database) {
    this.counts = db.prepare(`
      SELECT (SELECT count(*) FROM questions WHERE user_id = ?) AS questions,
             (SELECT count(*) FROM votes WHERE user_id = ?) AS votes,
             (SELECT count(*) FROM answers WHERE author_id = ?) AS answers`);
    this.countOnTheirs = db.prepare(`
      SELECT (SELECT count(*) FROM votes v JOIN questions q ON q.id = v.question_id
                WHERE q.user_id = ? AND v.user_id != ?)
           + (SELECT count(*) FROM answers a JOIN questions q ON q.id = a.question_id
                WHERE q.user_id = ? AND a.author_id != ?) AS n`);
    this.deleteVotes = db.prepare('DELETE FROM votes WHERE user_id = ?');
    this.deleteAnswers = db.prepare('DELETE FROM answers WHERE author_id = ?');
    // ON DELETE CASCADE takes the votes and answers others left on these questions.
    this.deleteQuestions = db.prepare('DELETE FROM questions WHERE user_id = ?');
    this.unnameReminders = db.prepare('UPDATE reminders SET created_by = ?, created_by_name = ? WHERE created_by = ?');
    this.forgetTransaction = db.transaction((userId: string) => {
      const othersOnTheirQuestions = this.countOnTheirs.get(userId, userId, userId, userId)?.n ?? 0;
      const votes = this.deleteVotes.run(userId).changes;
      const answers = this.deleteAnswers.run(userId).changes;
      const questions = this.deleteQuestions.run(userId).changes;
      const remindersUnnamed = this.unnameReminders.run(FORGOTTEN_MEMBER.id, FORGOTTEN_MEMBER.name, userId).changes;
      return { questions, votes, answers, othersOnTheirQuestions, remindersUnnamed };
    });
  }

  /** What `forget` would delete, to show before the member confirms. */
  preview(userId: string): { questions: number; votes: number; answers: number } {
    return this.counts.get(userId, userId, userId) ?? { questions: 0, votes: 0, answers: 0 };
  }

  forget(userId: string): Forgotten {
    return this.forgetTransaction.immediate(userId);
  }
}
