import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { backupDatabase } from '../../src/store/backup.ts';
import { latestVersion } from '../../src/store/migrations.ts';
import { Store } from '../../src/store/store.ts';
import { run } from '../support/spawn.ts';
import { tempDir } from '../support/temp.ts';

let writer: string;

beforeAll(async () => {
  writer = join(tempDir(), 'writer.cjs');
  await build({
    entryPoints: [join(PROJECT_ROOT, 'test/store/writer.child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: writer,
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
}, 60_000);

function node(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], {
      env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('several processes on one database file', () => {
  it('a thousand questions written by four processes at once are all there, each with its vote', async () => {
    const path = join(tempDir(), 'race', 'dockhand.db');
    const startAt = String(Date.now() + 1500);
    const tags = ['a', 'b', 'c', 'd'];
    const results = await Promise.all(tags.map((tag) => node(['questions', path, tag, '250', startAt])));
    expect(results.map((r) => r.stderr.trim())).toEqual(['', '', '', '']);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const store = Store.open(path);
    const queries = store.db.prepare('SELECT query FROM questions').pluck().all() as string[];
    expect(queries).toHaveLength(1000);
    expect(new Set(queries)).toEqual(
      new Set(tags.flatMap((tag) => Array.from({ length: 250 }, (_, i) => `${tag}-${i}`))),
    );
    // Each process's questions are in the order it wrote them (ids increase).
    for (const tag of tags) {
      const ids = store.db
        .prepare("SELECT id FROM questions WHERE query LIKE ? || '-%' ORDER BY CAST(substr(query, 3) AS INTEGER)")
        .pluck()
        .all(tag) as number[];
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
    }
    expect(store.db.prepare('SELECT count(*) FROM votes').pluck().get()).toBe(1000);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  }, 120_000);

  it('a backup taken while another process writes is a whole, consistent database', async () => {
    const path = join(tempDir(), 'live.db');
    Store.open(path).close();
    const writing = node(['stream', path, '4000']);
    const live = Store.open(path);
    const copies: string[] = [];
    // Let the writer get going, then back up three times while it writes.
    await new Promise((resolve) => setTimeout(resolve, 700));
    for (let i = 0; i < 3; i++) {
      const target = join(tempDir(), `backup-${i}.db`);
      const result = await backupDatabase(live.db, target);
      expect(result).toMatchObject({ path: target, integrity: 'ok', schemaVersion: latestVersion() });
      copies.push(target);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    live.close();
    const wrote = await writing;
    expect(wrote.stderr).toBe('');
    const written = Number(wrote.stdout.trim());
    const counts: number[] = [];
    for (const copy of copies) {
      expect(existsSync(`${copy}-wal`)).toBe(false);
      const db = new BetterSqlite3(copy, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Question and vote were written in one transaction: a copy of one moment has both or neither.
      const questions = db.prepare('SELECT count(*) FROM questions').pluck().get() as number;
      expect(db.prepare('SELECT count(*) FROM votes').pluck().get()).toBe(questions);
      counts.push(questions);
      db.close();
      // And it opens as a dockhand database.
      Store.open(copy).close();
    }
    // Taken while writing: the copies grow, and the writer went on after the last.
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[2]).toBeGreaterThan(counts[0] ?? 0);
    expect(written).toBeGreaterThan(counts[2] ?? 0);
  }, 60_000);

  it('backup never overwrites a file, nor copies onto the live database', async () => {
    const dir = tempDir();
    const store = Store.open(join(dir, 'live.db'));
    await expect(backupDatabase(store.db, join(dir, 'live.db'))).rejects.toMatchObject({ code: 'backup-target' });
    const taken = join(dir, 'taken.db');
    await backupDatabase(store.db, taken);
    await expect(backupDatabase(store.db, taken)).rejects.toMatchObject({ code: 'backup-exists' });
    store.close();
  });

  it('npm run cli -- backup refuses to start on a database written by a newer dockhand, and copies nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'newer.db');
    const db = new BetterSqlite3(path);
    db.pragma(`user_version = ${String(latestVersion() + 1)}`);
    db.close();
    const target = join(dir, 'copy.db');
    const result = await run('npm', ['run', '-s', 'cli', '--', 'backup', target], {
      env: { DOCKHAND_DB: path, DISCORD_TOKEN: '', LOG_LEVEL: 'silent' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DOCKHAND_DB: .*newer than this dockhand knows/);
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});
