import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding dockhand's package.json and knowledge/, whether run from src/ (tsx) or dist/ (built). */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start, '..');
    dir = parent;
  }
}

/** Running the sources through tsx (`npm run dev`, tests) rather than the build in dist/. */
export const FROM_SOURCES = import.meta.url.endsWith('.ts');

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
/** commands/*.ts under tsx; dist/commands/*.js when built (scripts/build.ts puts them there). */
export const COMMANDS_DIR = FROM_SOURCES ? join(PROJECT_ROOT, 'commands') : join(PROJECT_ROOT, 'dist', 'commands');

/**
 * A path a member typed on the console or CLI, resolved from where they typed it: npm runs
 * scripts in the project folder but keeps the caller's folder in INIT_CWD.
 */
export function fromCallerDirectory(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
