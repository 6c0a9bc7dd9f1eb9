import type { Database } from 'better-sqlite3';
import { StoreError } from './errors.ts';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

/**
 * Append-only: a shipped migration is never edited, a change is a new version (the next
 * number, added at the end). The applied version lives in `PRAGMA user_version`.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'questions and votes',
    up: `
      CREATE TABLE questions (
        id          INTEGER PRIMARY KEY,
        asked_at    TEXT    NOT NULL,
        user_id     TEXT    NOT NULL,
        user_name   TEXT    NOT NULL,
        guild_id    TEXT,
        channel_id  TEXT,
        transport   TEXT    NOT NULL CHECK (transport IN ('discord', 'cli')),
        locale      TEXT    NOT NULL CHECK (locale IN ('ko', 'en')),
        query       TEXT    NOT NULL,
        hit_ids     TEXT    NOT NULL CHECK (json_valid(hit_ids)),
        top_score   REAL,
        answered    INTEGER NOT NULL CHECK (answered IN (0, 1))
      );
      CREATE INDEX questions_by_time ON questions (asked_at);
      CREATE INDEX questions_unanswered ON questions (asked_at) WHERE answered = 0;

      CREATE TABLE votes (
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        user_id     TEXT    NOT NULL,
        section_id  TEXT    NOT NULL,
        value       INTEGER NOT NULL CHECK (value IN (-1, 1)),
        voted_at    TEXT    NOT NULL,
        PRIMARY KEY (question_id, user_id, section_id)
      );
      CREATE INDEX votes_by_section ON votes (section_id);
    `,
  },
  {
    version: 2,
    name: 'scheduled reminders and their fires',
    up: `
      CREATE TABLE reminders (
        id              INTEGER PRIMARY KEY,
        kind            TEXT    NOT NULL CHECK (kind IN ('cron', 'once')),
        expression      TEXT,
        fire_at         TEXT,
        schedule_input  TEXT    NOT NULL,
        timezone        TEXT    NOT NULL,
        message         TEXT    NOT NULL,
        guild_id        TEXT,
        channel_id      TEXT,
        role_id         TEXT,
        chapter         INTEGER CHECK (chapter BETWEEN 1 AND 6),
        status          TEXT    NOT NULL CHECK (status IN ('active', 'paused', 'done')),
        active_since    TEXT    NOT NULL,
        last_fire_at    TEXT,
        created_at      TEXT    NOT NULL,
        created_by      TEXT    NOT NULL,
        created_by_name TEXT    NOT NULL,
        CHECK ((kind = 'cron' AND expression IS NOT NULL) OR (kind = 'once' AND fire_at IS NOT NULL))
      );
      CREATE INDEX reminders_by_guild ON reminders (guild_id, id);

      CREATE TABLE reminder_fires (
        reminder_id INTEGER NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
        fire_time   TEXT    NOT NULL,
        claimed_at  TEXT    NOT NULL,
        outcome     TEXT    NOT NULL CHECK (outcome IN ('posting', 'posted', 'failed', 'skipped')),
        late        INTEGER NOT NULL CHECK (late IN (0, 1)),
        detail      TEXT,
        PRIMARY KEY (reminder_id, fire_time)
      );
    `,
  },
  {
    version: 3,
    name: 'community answers, one vote per member, questions by member',
    up: `
      -- Asked with "only me" (/ask hide): the asker is never named or mentioned in public.
      ALTER TABLE questions ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
      CREATE INDEX questions_by_user ON questions (user_id, id);
      CREATE INDEX questions_by_guild ON questions (guild_id, id);

      -- One vote per member per question (the ask buttons only ever voted on the first section):
      -- of any duplicates, the latest stays.
      DELETE FROM votes WHERE rowid IN (
        SELECT rowid FROM (
          SELECT rowid, row_number() OVER (
            PARTITION BY question_id, user_id ORDER BY voted_at DESC, rowid DESC) AS newest
          FROM votes)
        WHERE newest > 1);
      CREATE UNIQUE INDEX votes_one_per_member ON votes (question_id, user_id);
      CREATE INDEX votes_by_user ON votes (user_id);
      CREATE INDEX votes_by_time ON votes (voted_at);

      CREATE TABLE answers (
        id           INTEGER PRIMARY KEY,
        question_id  INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        author_id    TEXT    NOT NULL,
        author_name  TEXT    NOT NULL,
        guild_id     TEXT,
        channel_id   TEXT,
        text         TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        answered_at  TEXT    NOT NULL,
        status       TEXT    NOT NULL CHECK (status IN ('posted', 'accepted')),
        updated_at   TEXT    NOT NULL
      );
      CREATE INDEX answers_by_question ON answers (question_id, id);
      CREATE INDEX answers_by_author ON answers (author_id);
      CREATE UNIQUE INDEX answers_one_accepted ON answers (question_id) WHERE status = 'accepted';
    `,
  },
];

export function currentVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** A file written by a newer dockhand is left untouched: this one would not know its tables. */
export function refuseNewerSchema(db: Database, migrations: Migration[] = MIGRATIONS): void {
  const version = currentVersion(db);
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new StoreError(
      'newer-schema',
      `${db.name} has schema version ${version}, newer than this dockhand knows (${latest}); it was left untouched. ` +
        'Run the newer dockhand that wrote it, or use another database file.',
    );
  }
}

/**
 * Applies every migration newer than the database, each in its own transaction. Each one
 * takes the write lock first (BEGIN IMMEDIATE) and reads the version again inside it: of
 * several processes opening a new file at once, one migrates and the others find it done.
 */
export function migrate(db: Database, migrations: Migration[] = MIGRATIONS): number[] {
  refuseNewerSchema(db, migrations);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = db
      .transaction(() => {
        refuseNewerSchema(db, migrations);
        if (currentVersion(db) >= migration.version) return false;
        db.exec(migration.up);
        db.pragma(`user_version = ${String(migration.version)}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(migration.version);
  }
  return applied;
}
