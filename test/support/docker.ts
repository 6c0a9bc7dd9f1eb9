import { describe, it } from 'vitest';

/**
 * Tests that need a Docker engine skip with a visible reason when none is reachable,
 * unless DOCKHAND_REQUIRE_DOCKER=1 (CI): then they fail.
 */
export const DOCKER_REQUIRED = process.env.DOCKHAND_REQUIRE_DOCKER === '1';

export { adminDocker, probeDocker, type DockerProbe } from './engine.ts';
import { probeDocker } from './engine.ts';

/**
 * `describe` for suites that need the engine. Without one: skipped with the reason in
 * the suite name, or, when Docker is required, a failing test that says why.
 */
export async function describeWithDocker(name: string, suite: () => void): Promise<void> {
  const { ok, reason } = await probeDocker();
  if (ok) {
    describe(name, suite);
  } else if (DOCKER_REQUIRED) {
    describe(name, () => {
      it('has a Docker engine (DOCKHAND_REQUIRE_DOCKER=1)', () => {
        throw new Error(reason);
      });
    });
  } else {
    describe.skip(`${name} — skipped: ${reason}`, suite);
  }
}

/** A name unique to this test run, for containers, images and networks. */
export function uniqueName(prefix: string): string {
  return `dockhand-test-${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
