import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { currentVersion, latestVersion, migrate, MIGRATIONS } from '../../src/store/migrations.ts';
import { QaRepository } from '../../src/store/qa.ts';
import { Store } from '../../src/store/store.ts';
import { tempDir } from '../support/temp.ts';

/** A database as dockhand left it at `version`, with questions and votes written by that version's SQL. */
function databaseAt(version: number): string {
  const path = join(tempDir(), `v${version}.db`);
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  const ask = db.prepare(`
    INSERT INTO questions (asked_at, user_id, user_name, guild_id, channel_id, transport, locale, query, hit_ids, top_score, answered)
    VALUES (?, ?, ?, 'g1', 'c1', 'discord', 'ko', ?, ?, ?, ?)`);
  ask.run('2026-11-20T10:00:00.000Z', 'u1', '민지', '볼륨이 뭐야', '["notes/ch3-docker-usage#volumes"]', 0.9, 1);
  ask.run('2026-11-21T10:00:00.000Z', 'u2', '준', '헬름 차트 배포', '["notes/ch1-cloud-computing#kubernetes"]', 0.2, 0);
  const vote = db.prepare(
    'INSERT INTO votes (question_id, user_id, section_id, value, voted_at) VALUES (?, ?, ?, ?, ?)',
  );
  vote.run(1, 'u2', 'notes/ch3-docker-usage#volumes', 1, '2026-11-20T10:01:00.000Z');
  // Version 1 allowed a member one vote per section; later only one per question counts (the latest).
  vote.run(1, 'u3', 'notes/ch3-docker-usage#volumes', 1, '2026-11-20T10:02:00.000Z');
  vote.run(1, 'u3', 'notes/ch3-docker-usage#bind-mount', -1, '2026-11-20T10:05:00.000Z');
  if (version >= 2) {
    db.prepare(
      `
      INSERT INTO reminders (kind, expression, schedule_input, timezone, message, status, active_since, created_at, created_by, created_by_name)
      VALUES ('cron', '0 20 * * 3', '매주 수요일 20:00', 'Asia/Seoul', '실습', 'active', ?, ?, 'u1', '민지')`,
    ).run('2026-11-20T00:00:00.000Z', '2026-11-20T00:00:00.000Z');
  }
  db.close();
  return path;
}

describe('migration 3 (community answers) on databases that already hold data', () => {
  it.each([1, 2])('upgrades a version %i file with its rows kept', (version) => {
    const path = databaseAt(version);
    const store = Store.open(path);
    expect(currentVersion(store.db)).toBe(latestVersion());
    // Questions kept, new column defaulted.
    expect(store.questions.get(1)).toMatchObject({ query: '볼륨이 뭐야', answered: true, hidden: false });
    expect(store.questions.get(2)).toMatchObject({ query: '헬름 차트 배포', answered: false });
    // u3's two votes on question 1 collapsed to the latest (👎); u2's stays.
    const votes = store.db.prepare('SELECT user_id, value FROM votes ORDER BY user_id').all();
    expect(votes).toEqual([
      { user_id: 'u2', value: 1 },
      { user_id: 'u3', value: -1 },
    ]);
    // The new tables work with the old rows.
    const qa = new QaRepository(store.db);
    const answer = qa.addAnswer({
      questionId: 2,
      authorId: 'u1',
      authorName: '민지',
      text: 'helm install 로 배포해요',
      answeredAt: new Date('2026-11-22T00:00:00Z'),
    });
    qa.accept(answer.id, new Date('2026-11-22T00:01:00Z'));
    expect(qa.question(2)).toMatchObject({ answers: 1, accepted: true, needsAnswer: false });
    // Voting again changes the one vote, whichever section it was on.
    store.questions.vote({
      questionId: 1,
      userId: 'u3',
      sectionId: 'notes/ch3-docker-usage#volumes',
      value: 1,
      votedAt: new Date(),
    });
    expect(qa.question(1)).toMatchObject({ up: 2, down: 0 });
    if (version >= 2) {
      expect(store.db.prepare('SELECT created_by FROM reminders').pluck().get()).toBe('u1');
    }
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    store.close();
  });

  it('keeps the shipped migrations as they were (append-only)', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3]);
    expect(MIGRATIONS[0]?.up).toContain('CREATE TABLE votes');
    expect(MIGRATIONS[0]?.up).toContain('PRIMARY KEY (question_id, user_id, section_id)');
    expect(MIGRATIONS[1]?.up).toContain('CREATE TABLE reminders');
  });
});
