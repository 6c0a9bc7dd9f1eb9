import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { UserError } from '../core/errors.ts';
import { prepareLocation } from './database-file.ts';

/** The most pages better-sqlite3 passes to one `sqlite3_backup_step`. */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
  ms: number;
  /** `PRAGMA integrity_check` of the copy. */
  integrity: 'ok';
  schemaVersion: number;
}

/**
 * A consistent copy of the live database at `target`, made with SQLite's online backup API while
 * other connections (the running bot) keep reading and writing: every page is copied in one step,
 * inside one read transaction, so the copy is the database as of one moment. It is written next to
 * the target and renamed into place only after `PRAGMA integrity_check` passed on it, in rollback
 * journal mode (one self-contained file, no -wal beside it). An existing file is never overwritten.
 */
export async function backupDatabase(db: Database, target: string): Promise<BackupResult> {
  const path = resolve(target);
  if (path === resolve(db.name)) {
    throw new UserError('backup-target', {
      ko: '백업 파일은 지금 쓰는 데이터베이스와 다른 경로여야 해요.',
      en: 'The backup must go to another path than the live database.',
    });
  }
  if (existsSync(path)) {
    throw new UserError('backup-exists', {
      ko: `${path} 파일이 이미 있어요. 덮어쓰지 않으니 다른 이름을 주세요.`,
      en: `${path} already exists; a backup never overwrites. Give another name.`,
    });
  }
  try {
    prepareLocation(path);
  } catch (error) {
    throw new UserError('backup-target', { ko: (error as Error).message, en: (error as Error).message });
  }
  const partial = `${path}.partial-${process.pid}`;
  const started = performance.now();
  try {
    // After the first (empty) step, every remaining page in one step: no step boundary another
    // writer could slip in between (a write there restarts the copy, with enough writes for ever).
    const progress = await db.backup(partial, { progress: () => ALL_PAGES });
    const copy = new BetterSqlite3(partial);
    let schemaVersion: number;
    try {
      copy.pragma('journal_mode = DELETE');
      const integrity = copy.pragma('integrity_check', { simple: true }) as string;
      if (integrity !== 'ok') throw new Error(`the copy failed integrity_check: ${integrity}`);
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    } finally {
      copy.close();
    }
    if (existsSync(path))
      throw new UserError('backup-exists', { ko: `${path} 파일이 생겼어요.`, en: `${path} appeared.` });
    renameSync(partial, path);
    return {
      path,
      bytes: statSync(path).size,
      pages: progress.totalPages,
      ms: Math.round(performance.now() - started),
      integrity: 'ok',
      schemaVersion,
    };
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`])
      rmSync(leftover, { force: true });
  }
}
