import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Split } from './questions.ts';

/** The committed overall hit@3 per split; the eval test fails when the engine falls below it. */
export const BASELINE_FILE = join(dirname(fileURLToPath(import.meta.url)), 'baseline.json');

export function readBaseline(): Record<Split, { hit3: number }> | undefined {
  return existsSync(BASELINE_FILE)
    ? (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<Split, { hit3: number }>)
    : undefined;
}
