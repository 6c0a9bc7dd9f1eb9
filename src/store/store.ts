import BetterSqlite3, { type Database } from 'better-sqlite3';
import { checkHealth, openFailure, prepareLocation } from './database-file.ts';
import { migrate, refuseNewerSchema } from './migrations.ts';
import { QuestionRepository } from './questions.ts';

/** How long a statement waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The SQLite file: one connection, WAL, foreign keys, migrations applied on open. Opening
 * checks before it writes: the location, the file's health (quick_check) and its schema
 * version; a file that fails is left as it was (StoreError says what to do).
 */
export class Store {
  readonly questions: QuestionRepository;

  private constructor(
    readonly db: Database,
    readonly path: string,
  ) {
    this.questions = new QuestionRepository(db);
  }

  static open(path: string): Store {
    prepareLocation(path);
    let db: Database;
    try {
      db = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
    } catch (error) {
      throw openFailure(path, error);
    }
    try {
      db.pragma(`busy_timeout = ${String(BUSY_TIMEOUT_MS)}`);
      checkHealth(db, path);
      refuseNewerSchema(db);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
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
