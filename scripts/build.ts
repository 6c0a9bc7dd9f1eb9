/**
 * `npm run build` (and `prepare`, so `npm install` / `npm ci` build too): bundles the entry points
 * with esbuild into dist/, so `npm start`, `npm run cli`, `deploy-commands` and `validate` start
 * without compiling TypeScript. Every file directly in commands/ becomes dist/commands/<name>.js,
 * beside the entry points, where the registry finds it as it finds commands/*.ts under tsx; code
 * they share is split into dist/chunks/ (one copy of each module, so `instanceof UserError` holds).
 * Packages stay in node_modules. `npm run dev` runs the sources through tsx instead.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { filesUnder } from '../src/core/files.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

/** `npm start`, `npm run cli`, `npm run deploy-commands`, `npm run validate`. */
const ENTRY_POINTS: Record<string, string> = {
  main: 'src/main.ts',
  cli: 'src/cli/main.ts',
  'deploy-commands': 'src/discord/deploy-commands-cli.ts',
  validate: 'src/knowledge/validate-cli.ts',
};

export const DIST_DIR = join(PROJECT_ROOT, 'dist');

/** Builds dist/ from the sources; returns how long it took. */
export async function buildDist(): Promise<number> {
  const started = performance.now();
  const commands = readdirSync(join(PROJECT_ROOT, 'commands')).filter((file) => file.endsWith('.ts'));
  // Names what the build was made from: the knowledge parse cache keys on it (src/knowledge/cache.ts).
  const buildId = sourcesHash();
  rmSync(DIST_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: {
      ...ENTRY_POINTS,
      ...Object.fromEntries(commands.map((file) => [`commands/${file.replace(/\.ts$/, '')}`, `commands/${file}`])),
    },
    outdir: DIST_DIR,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { 'process.env.DOCKHAND_BUILD_ID': JSON.stringify(buildId) },
    logLevel: 'warning',
  });
  return performance.now() - started;
}

/** A hash of every source file bundled (src/, commands/) and package.json. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = ['src', 'commands'].flatMap((dir) =>
    filesUnder(join(PROJECT_ROOT, dir), (name) => name.endsWith('.ts')),
  );
  for (const file of [...files, join(PROJECT_ROOT, 'package.json')]) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const ms = await buildDist();
  process.stderr.write(`dist/ built in ${ms.toFixed(0)} ms\n`);
}
