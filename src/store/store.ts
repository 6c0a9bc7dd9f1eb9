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
      switchToWal(db);
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

/**
 * Switching a new file to WAL needs an exclusive lock while other processes opening it at the
 * same time hold shared ones; SQLite then answers SQLITE_BUSY at once, without waiting out
 * the busy timeout (it would otherwise deadlock). So the switch is retried for as long as the
 * busy timeout, with a short, growing pause.
 */
function switchToWal(db: Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
}
