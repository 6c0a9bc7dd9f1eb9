import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/spawn.ts';
import { tempDir } from '../support/temp.ts';
import { OFF_NOTES } from './support.ts';

let env: Record<string, string>;
let dbPath: string;
beforeAll(() => {
  dbPath = join(tempDir(), 'cli.db');
  env = { DOCKHAND_DB: dbPath, LOG_LEVEL: 'warn', DISCORD_TOKEN: '' };
});

const cli = (...args: string[]) => run('npm', ['run', '-s', 'cli', '--', ...args], { env, timeoutMs: 60_000 });

function json(result: { code: number | null; stdout: string; stderr: string }): unknown {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '');
}

describe('the Q&A CLI contract', () => {
  it('ask → qa list → qa answer → qa vote → search → qa stats, each one JSON object, as different members', async () => {
    const asked = json(await cli('ask', '--json', '--user', '100000000000000001', OFF_NOTES[4] ?? '')) as {
      questionId: number;
      confident: boolean;
    };
    expect(asked.confident).toBe(false);
    const second = json(await cli('ask', '--json', '--user', 'u-2', OFF_NOTES[5] ?? '')) as { questionId: number };
    expect(second.questionId).toBe(asked.questionId + 1);

    const listed = json(await cli('qa', 'list', '--json', '--unanswered', '--limit', '5')) as Array<{
      id: number;
      userId: string;
      needsAnswer: boolean;
      query: string;
    }>;
    expect(listed.map((q) => q.id)).toEqual([second.questionId, asked.questionId]);
    expect(listed[1]).toMatchObject({ userId: '100000000000000001', needsAnswer: true, query: OFF_NOTES[4] });
    expect(json(await cli('qa', 'list', '--json', '--limit', '1')) as unknown[]).toHaveLength(1);

    const answered = await cli(
      'qa',
      'answer',
      String(asked.questionId),
      '아르고CD는 Application 리소스로 깃 저장소를 바라보게 해요',
      '--user',
      'u-3',
      '--json',
    );
    expect(answered.code).toBe(0);
    expect(json(answered) as { answerId: number; source: string }).toMatchObject({
      answerId: 1,
      source: `qa#${asked.questionId}`,
    });

    const voted = await cli('qa', 'vote', String(second.questionId), 'down', '--user', 'u-4', '--json');
    expect(json(voted)).toMatchObject({ questionId: second.questionId, value: -1, down: 1 });
    const changed = await cli('qa', 'vote', String(second.questionId), 'up', '--user', 'u-4', '--json');
    expect(json(changed)).toMatchObject({ up: 1, down: 0 });

    const found = json(await cli('search', '--json', '--limit', '3', '아르고CD 깃옵스')) as {
      hits: Array<{ id: string; source: string; title: string; text: string }>;
    };
    expect(found.hits[0]).toMatchObject({
      id: `qa#${asked.questionId}`,
      source: `qa#${asked.questionId}`,
      title: `커뮤니티 답변 › ${OFF_NOTES[4] ?? ''}`,
    });
    expect(found.hits[0]?.text).toContain('Application 리소스');

    const stats = json(await cli('qa', 'stats', '--json')) as {
      asked: number;
      answeredByMembers: number;
      unanswered: number;
      up: number;
    };
    // One answered by a member, the other confirmed by u-4's 👍 on its closest section: none open.
    expect(stats).toMatchObject({ asked: 2, answeredByMembers: 1, unanswered: 0, up: 1 });

    // The database says the same.
    const db = new BetterSqlite3(dbPath, { readonly: true });
    expect(db.prepare('SELECT author_id FROM answers').pluck().all()).toEqual(['u-3']);
    expect(db.prepare('SELECT user_id, value FROM votes').all()).toEqual([{ user_id: 'u-4', value: 1 }]);
    db.close();
  }, 120_000);

  it('mistakes exit non-zero with a JSON error; text mode reads as text', async () => {
    const missing = await cli('qa', 'answer', '999', '답', '--json');
    expect(missing.code).toBe(1);
    expect(json(missing)).toMatchObject({ error: { code: 'unknown-question' } });
    const badVote = await cli('qa', 'vote', '1', 'sideways', '--json');
    expect(badVote.code).toBe(1);
    expect(json(badVote)).toMatchObject({ error: { code: 'invalid-option' } });
    const badUser = await cli('qa', 'list', '--user', 'two words', '--json');
    expect(badUser.code).toBe(2);
    const text = await cli('qa', 'unanswered');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/━━ 답을 기다리는 질문 \d+개 ━━/);
  }, 60_000);

  it('backup <path> copies the live database; a second time to the same path is refused', async () => {
    const target = join(tempDir(), 'copy.db');
    const done = json(await cli('backup', target, '--json')) as { path: string; integrity: string; bytes: number };
    expect(done).toMatchObject({ path: target, integrity: 'ok' });
    expect(existsSync(target)).toBe(true);
    const copy = new BetterSqlite3(target, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM questions').pluck().get()).toBe(2);
    copy.close();
    const again = await cli('backup', target, '--json');
    expect(again.code).toBe(1);
    expect(json(again)).toMatchObject({ error: { code: 'backup-exists' } });
  }, 60_000);
});
