import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding dockhand's package.json, whether run from src/ (tsx) or dist/ (built). */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start, '..');
    dir = parent;
  }
}

const HERE = dirname(fileURLToPath(import.meta.url));

export const PROJECT_ROOT = findProjectRoot(HERE);
/** Beside the running code: commands/*.ts under tsx, dist/commands/*.js when built. */
export const COMMANDS_DIR = join(HERE, '..', 'commands');

/**
 * A path a member typed on the console or CLI, resolved from where they typed it: npm runs
 * scripts in the project folder but keeps the caller's folder in INIT_CWD.
 */
export function fromCallerDirectory(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
