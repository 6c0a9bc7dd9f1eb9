import type Dockerode from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/core/logger.ts';
import { DockerService } from '../../src/docker/service.ts';
import { adminDocker, describeWithDocker, uniqueName } from '../support/docker.ts';
import { BUSYBOX_IMAGE, ensureBusyboxImage } from '../support/images.ts';
import { removeAll, TEST_LABELS } from '../support/scenarios.ts';

const log = createLogger('silent');
const created: Dockerode.Container[] = [];
let visible: { name: string; id: string };
let hidden: { name: string; container: Dockerode.Container; id: string };

await describeWithDocker('visibility of id prefixes against a real engine', () => {
  beforeAll(async () => {
    const admin = adminDocker();
    await ensureBusyboxImage(admin);
    // Ids are random: of 17 containers, two share a first hex digit (pigeonhole).
    const byFirstDigit = new Map<string, { name: string; container: Dockerode.Container; id: string }>();
    for (let i = 0; i < 17; i++) {
      const name = uniqueName(`prefix${String(i)}`);
      const container = await admin.createContainer({ name, Image: BUSYBOX_IMAGE, Cmd: ['true'], Labels: TEST_LABELS });
      created.push(container);
      const entry = { name, container, id: container.id };
      const twin = byFirstDigit.get(container.id.charAt(0));
      if (twin) {
        visible = twin;
        hidden = entry;
        break;
      }
      byFirstDigit.set(container.id.charAt(0), entry);
    }
    // Only the pair is needed; the other containers go now.
    await removeAll(created.filter((c) => c.id !== visible.id && c.id !== hidden.id));
  });

  afterAll(async () => {
    await removeAll(created.filter((c) => c.id === visible.id || c.id === hidden.id));
  });

  /** Sees only `visible`, by name (DOCKHAND_VISIBLE_NAMES); `hidden` shares its first id digit. */
  const service = () =>
    new DockerService(
      loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_VISIBLE_NAMES: visible.name }).docker,
      log,
    );

  it('an id prefix a hidden container shares resolves to the visible one, before and after the hidden one is removed', async () => {
    const prefix = visible.id.charAt(0);
    expect(hidden.id.charAt(0)).toBe(prefix);
    const docker = service();
    expect((await docker.container(prefix)).Id).toBe(visible.id);
    expect((await docker.container(visible.id.slice(0, 12))).Id).toBe(visible.id);
    // The hidden one stays "not found", by name and by its own longer prefix.
    const common = commonPrefix(visible.id, hidden.id);
    for (const ref of [hidden.name, hidden.id.slice(0, common.length + 1), hidden.id, uniqueName('missing')]) {
      await expect(docker.container(ref), ref).rejects.toMatchObject({ code: 'container-not-found' });
    }

    await hidden.container.remove({ force: true });
    expect((await docker.container(prefix)).Id).toBe(visible.id);
  });
});

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
