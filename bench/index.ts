/**
 * `npm run bench`: runs every bench/*.bench.ts (default export: an async function) in
 * name order, or only those whose name contains an argument: `npm run bench -- search`.
 * Speed and memory targets are checked here, never in timed tests.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

for (const file of files) {
  console.log(`\n# ${file}`);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<void> | void };
  await module.default();
}
if (files.length === 0) console.log('no benchmarks matched');
