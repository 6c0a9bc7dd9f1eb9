import Dockerode from 'dockerode';

// No vitest import here: the benchmarks use these too.

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
    const timeout = new Promise<DockerProbe>((resolve) => {
      setTimeout(resolve, 3000, { ok: false, reason: 'Docker engine did not answer within 3 s' }).unref();
    });
    const ping = docker.ping().then(
      () => ({ ok: true, reason: '' }),
      (error: unknown) => ({ ok: false, reason: `no Docker engine: ${(error as Error).message}` }),
    );
    return Promise.race([ping, timeout]);
  })();
  return probe;
}
