import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { StoreError } from '../../src/store/errors.ts';
import { currentVersion, latestVersion } from '../../src/store/migrations.ts';
import { Store } from '../../src/store/store.ts';
import { run } from '../support/spawn.ts';
import { tempDir } from '../support/temp.ts';

const question = {
  askedAt: new Date('2026-11-28T10:00:00Z'),
  userId: 'u',
  userName: 'n',
  transport: 'cli' as const,
  locale: 'ko' as const,
  hitIds: [],
  topScore: null,
  answered: true,
};

function failureOf(open: () => unknown): unknown {
  try {
    open();
  } catch (error) {
    return error;
  }
  return new Error('opened without complaint');
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A store file with some questions whose `questions_by_time` index page is overwritten with garbage. */
function damagedDatabase(): string {
  const path = join(tempDir(), 'damaged.db');
  const store = Store.open(path);
  for (let i = 0; i < 500; i++) store.questions.record({ ...question, query: `q${i}` });
  const { rootpage } = store.db
    .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'questions_by_time'")
    .get() as {
    rootpage: number;
  };
  const pageSize = store.db.pragma('page_size', { simple: true }) as number;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(pageSize - 200, 0x5a);
  writeSync(fd, garbage, 0, garbage.length, (rootpage - 1) * pageSize + 100);
  closeSync(fd);
  return path;
}

/** A file as a newer dockhand leaves it: a schema version this one does not know, and its data. */
function newerDatabase(): string {
  const path = join(tempDir(), 'newer.db');
  const db = new BetterSqlite3(path);
  db.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept')");
  db.pragma(`user_version = ${String(latestVersion() + 1)}`);
  db.close();
  return path;
}

describe('opening the database file', () => {
  it('refuses a damaged file at open, says how to restore it, and writes nothing into it', () => {
    const path = damagedDatabase();
    const before = digest(path);
    const error = failureOf(() => Store.open(path));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('damaged');
    expect((error as Error).message).toMatch(/damaged \(PRAGMA quick_check: .+\)/);
    expect((error as Error).message).toMatch(/backup/);
    expect((error as Error).message).toContain(`sqlite3 ${path} .recover | sqlite3 ${path}.recovered`);
    expect(digest(path)).toBe(before);
  });

  it('leaves a file written by a newer dockhand untouched', () => {
    const path = newerDatabase();
    const before = digest(path);
    const error = failureOf(() => Store.open(path));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `schema version ${latestVersion() + 1}, newer than this dockhand knows \\(${latestVersion()}\\); it was left untouched`,
      ),
    );
    expect(digest(path)).toBe(before);
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.prepare('SELECT x FROM future').pluck().all()).toEqual(['kept']);
    db.close();
  });

  it('names what is wrong with the location instead of failing inside SQLite or spinning', () => {
    const dir = tempDir();
    expect((failureOf(() => Store.open(dir)) as Error).message).toBe(
      `${dir} is a folder, not a database file (e.g. data/dockhand.db)`,
    );
    // Node's recursive mkdir spins forever on a path under /proc.
    const started = Date.now();
    expect((failureOf(() => Store.open('/proc/nope/x.db')) as Error).message).toBe(
      'cannot create the folder /proc/nope (ENOENT)',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    writeFileSync(join(dir, 'file'), 'x');
    expect((failureOf(() => Store.open(join(dir, 'file', 'x.db'))) as Error).message).toBe(
      `${join(dir, 'file')} is not a folder, so the database cannot be created under it`,
    );
    writeFileSync(join(dir, 'notes.db'), 'these are not the tables you are looking for\n'.repeat(100));
    expect(failureOf(() => Store.open(join(dir, 'notes.db')))).toMatchObject({ kind: 'not-a-database' });
    // Missing folders are still created.
    const nested = join(dir, 'a', 'b', 'dockhand.db');
    Store.open(nested).close();
    mkdirSync(join(dir, 'a', 'c'));
    Store.open(join(dir, 'a', 'c', 'dockhand.db')).close();
  });

  it('sets a busy timeout', () => {
    const store = Store.open(join(tempDir(), 'busy.db'));
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    store.close();
  });

  it('30 processes opening a brand-new file at once all succeed, and it is migrated once', async () => {
    const dir = tempDir();
    const bundle = join(dir, 'open-store.cjs');
    await build({
      entryPoints: [join(PROJECT_ROOT, 'test/store/open-store.child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      external: ['better-sqlite3'],
      logLevel: 'silent',
    });
    const path = join(dir, 'race', 'dockhand.db');
    const startAt = Date.now() + 1500;
    const results = await Promise.all(Array.from({ length: 30 }, () => runNode(bundle, [path, String(startAt)])));
    const failures = results.filter((r) => r.code !== 0).map((r) => r.stderr.trim());
    expect(failures).toEqual([]);
    const store = Store.open(path);
    expect(currentVersion(store.db)).toBe(latestVersion());
    store.questions.record({ ...question, query: 'after the race' });
    store.close();
  });
});

describe('start-up with a bad database file', () => {
  it.each([
    ['damaged', damagedDatabase, /DOCKHAND_DB: .*damaged \(PRAGMA quick_check/],
    ['newer', newerDatabase, /DOCKHAND_DB: .*newer than this dockhand knows/],
    ['a folder', () => tempDir(), /DOCKHAND_DB: .* is a folder, not a database file/],
    ['under /proc', () => '/proc/nope/x.db', /DOCKHAND_DB: cannot create the folder \/proc\/nope \(ENOENT\)/],
  ])(
    '%s: the CLI stops at once naming DOCKHAND_DB, without a stack, and the file is kept',
    async (_name, make, expected) => {
      const path = make();
      const before = path.endsWith('.db') && !path.startsWith('/proc') ? digest(path) : undefined;
      const result = await run('npm', ['run', '-s', 'cli', '--', 'ask', '볼륨이 뭐야'], {
        env: { DOCKHAND_DB: path, DISCORD_TOKEN: '', LOG_LEVEL: 'silent' },
        timeoutMs: 30_000,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(expected);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
      if (before) expect(digest(path)).toBe(before);
    },
  );
});

function runNode(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
