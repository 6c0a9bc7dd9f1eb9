/**
 * Vitest global setup: builds dist/ once before the tests, so suites that start dockhand as users
 * do (`npm run cli`, `node dist/main.js`) run the code under test, never a stale build.
 */
import { buildDist } from '../../scripts/build.ts';

export async function setup(): Promise<void> {
  await buildDist();
}
