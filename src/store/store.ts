import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations.ts';
import { QuestionRepository } from './questions.ts';

/** The SQLite file: one connection, WAL, foreign keys, migrations applied on open. */
export class Store {
  readonly questions: QuestionRepository;

  private constructor(
    readonly db: Database,
    readonly path: string,
  ) {
    this.questions = new QuestionRepository(db);
  }

  static open(path: string): Store {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new BetterSqlite3(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new Store(db, path);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
