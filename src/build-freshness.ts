import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from './core/files.ts';
import { FROM_SOURCES, PROJECT_ROOT } from './paths.ts';

const SOURCE_DIRS = ['src', 'commands'];

/**
 * Run from dist/ in a checkout whose sources changed after the build (a `git pull` without
 * `npm install`), the code running is not the code on disk: a sentence saying so, else undefined.
 * Costs a directory walk of the sources (a few milliseconds); the deployed image has none.
 */
export function staleBuildWarning(): string | undefined {
  if (FROM_SOURCES) return undefined;
  const built = join(PROJECT_ROOT, 'dist', 'main.js');
  if (!existsSync(built)) return undefined;
  const builtAt = statSync(built).mtimeMs;
  const changed = SOURCE_DIRS.map((dir) => join(PROJECT_ROOT, dir))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => filesUnder(dir, (name) => name.endsWith('.ts')))
    .filter((file) => statSync(file).mtimeMs > builtAt);
  const [first] = changed;
  if (!first) return undefined;
  const more = changed.length > 1 ? ` and ${changed.length - 1} more` : '';
  return (
    `dist/ is older than ${relative(PROJECT_ROOT, first)}${more}: ` +
    'run `npm run build` (npm install does too), or `npm run dev` to run the sources'
  );
}
