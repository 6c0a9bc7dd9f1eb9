import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors.ts';

/**
 * Makes sure the database file can live at `path` before SQLite touches it: not a folder,
 * writable if it exists, and its folder created level by level. (Node's recursive mkdir
 * spins forever on a path under /proc; this fails at once with the reason.)
 */
export function prepareLocation(path: string): void {
  if (path === ':memory:') return;
  const stats = statOrUndefined(path);
  if (stats?.isDirectory()) {
    throw new StoreError('location', `${path} is a folder, not a database file (e.g. data/dockhand.db)`);
  }
  if (stats && !stats.isFile()) throw new StoreError('location', `${path} is not a regular file`);
  if (stats) {
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new StoreError('location', `${path} cannot be written (${codeOf(error)})`);
    }
  }
  ensureFolder(dirname(resolve(path)));
}

function ensureFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const stats = statOrUndefined(at);
    if (stats?.isDirectory()) break;
    if (stats) throw new StoreError('location', `${at} is not a folder, so the database cannot be created under it`);
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (statOrUndefined(folder)?.isDirectory()) continue; // another process made it meanwhile
      throw new StoreError('location', `cannot create the folder ${folder} (${codeOf(error)})`);
    }
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    throw new StoreError('location', `${path} cannot be read (${codeOf(error)})`);
  }
}

/** SQLite could not open the file at all (after the location checks: permissions, a full disk, …). */
export function openFailure(path: string, error: unknown): StoreError {
  return new StoreError('unreadable', `cannot open ${path} (${(error as Error).message})`);
}

/**
 * `PRAGMA quick_check` before anything is written: a damaged file is refused with what to do,
 * so dockhand never writes into it (a damaged index page otherwise takes new rows and the damage grows).
 */
export function checkHealth(db: Database, path: string): void {
  let result: string[];
  try {
    result = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  } catch (error) {
    if (codeOf(error) === 'SQLITE_NOTADB') {
      throw new StoreError('not-a-database', `${path} is not a SQLite database file (was another file named?)`);
    }
    if (codeOf(error) === 'SQLITE_CORRUPT') throw damaged(path, [(error as Error).message]);
    throw error;
  }
  if (result.length !== 1 || result[0] !== 'ok') throw damaged(path, result);
}

function damaged(path: string, findings: string[]): StoreError {
  const first = findings
    .join('\n')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('***'))
    .slice(0, 2)
    .join('; ');
  return new StoreError(
    'damaged',
    [
      `${path} is damaged (PRAGMA quick_check: ${first}). dockhand stopped before writing to it.`,
      'To restore it: stop everything that uses the file and keep a copy of it (with any -wal file beside it), then',
      '  - put back the last backup (docs/discord.md, "Backups"), or',
      `  - save what is still readable: sqlite3 ${path} .recover | sqlite3 ${path}.recovered`,
      `    and move ${path}.recovered into its place.`,
    ].join('\n'),
  );
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'error';
}
