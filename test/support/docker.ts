import Dockerode from 'dockerode';
import { describe, it } from 'vitest';

/**
 * Tests that need a Docker engine skip with a visible reason when none is reachable,
 * unless DOCKHAND_REQUIRE_DOCKER=1 (CI): then they fail.
 */
export const DOCKER_REQUIRED = process.env.DOCKHAND_REQUIRE_DOCKER === '1';

/** Full-access client for test set-up only (building images, running scenario containers). */
export function adminDocker(): Dockerode {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('tcp://')) {
    const url = new URL(host);
    return new Dockerode({ host: url.hostname, port: Number(url.port || 2375), protocol: 'http' });
  }
  return new Dockerode({ socketPath: host?.startsWith('unix://') ? host.slice(7) : '/var/run/docker.sock' });
}

export interface DockerProbe {
  ok: boolean;
  reason: string;
}

let probe: Promise<DockerProbe> | undefined;

export function probeDocker(): Promise<DockerProbe> {
  probe ??= (async () => {
    const docker = adminDocker();
    const timeout = new Promise<DockerProbe>((resolve) =>
      setTimeout(() => resolve({ ok: false, reason: 'Docker engine did not answer within 3 s' }), 3000).unref(),
    );
    const ping = docker.ping().then(
      () => ({ ok: true, reason: '' }),
      (error: Error) => ({ ok: false, reason: `no Docker engine: ${error.message}` }),
    );
    return Promise.race([ping, timeout]);
  })();
  return probe;
}

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
