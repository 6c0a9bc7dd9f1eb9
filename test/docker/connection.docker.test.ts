import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/core/logger.ts';
import { DockerService } from '../../src/docker/service.ts';
import { isUserError } from '../../src/core/errors.ts';
import { adminDocker, describeWithDocker, uniqueName } from '../support/docker.ts';
import { BUSYBOX_IMAGE, ensureBusyboxImage } from '../support/images.ts';

const log = createLogger('silent');

await describeWithDocker('Docker engine connection', () => {
  it('connects like the docker CLI (DOCKER_HOST or the default socket) and lists containers', async () => {
    const admin = adminDocker();
    await ensureBusyboxImage(admin);
    const name = uniqueName('list');
    const container = await admin.createContainer({
      Image: BUSYBOX_IMAGE,
      name,
      Cmd: ['true'],
      Labels: { 'dockhand.test': '1' },
    });
    try {
      const config = loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST });
      const docker = new DockerService(config.docker, log);
      expect(await docker.ping()).toBe(true);
      const listed = await docker.listContainers();
      const mine = listed.find((c) => c.Name === name);
      expect(mine).toMatchObject({ Image: BUSYBOX_IMAGE, State: 'created' });
    } finally {
      await container.remove({ force: true });
    }
  });
});

it('a Docker host that is down gives a clear error within the timeout', async () => {
  const config = loadConfig({ DOCKER_HOST: 'unix:///nonexistent/docker.sock', DOCKHAND_DOCKER_TIMEOUT_MS: '1000' });
  const docker = new DockerService(config.docker, log);
  const error = await docker.listContainers().catch((e: unknown) => e);
  expect(isUserError(error)).toBe(true);
  expect((error as Error).message).toMatch(/Docker engine/);
});
