import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/core/logger.ts';
import { adminDocker, describeWithDocker } from '../support/docker.ts';
import { ensureLessonImage, LESSON_IMAGE } from '../support/scenarios.ts';
import { defined } from '../support/defined.ts';

let app: App;

interface HistoryData {
  image: string;
  size: number;
  layers: Array<{ index: number; instruction: string; createdBy: string; size: number; share: number }>;
  dominant: number[];
  hints: Array<{ code: string; layers: number[]; refs: string[] }>;
}

await describeWithDocker('docker history against a real engine', () => {
  beforeAll(async () => {
    await ensureLessonImage(adminDocker());
    app = await createApp(loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_DB: ':memory:' }), {
      log: createLogger('silent'),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows layers oldest first with sizes, the dominant layer, and chapter-4 hints', async () => {
    const reply = await app.dispatcher.run(
      { name: 'docker', subcommand: 'history', options: { image: LESSON_IMAGE } },
      { id: 'history-test', name: 'tester', locale: 'ko', transport: 'cli', isOrganizer: false },
    );
    expect(reply.error).toBeUndefined();
    const data = reply.data as HistoryData;
    const instructions = data.layers.map((l) => l.instruction);
    // The busybox base (COPY, RUN, ENV, CMD), then the lesson's own layers, in Dockerfile order.
    expect(instructions.slice(0, 4)).toEqual(['COPY', 'RUN', 'ENV', 'CMD']);
    // (the test build adds its label as the last layer)
    expect(instructions.slice(4)).toEqual(['ADD', 'RUN', 'RUN', 'RUN', 'COPY', 'ENV', 'CMD', 'LABEL']);

    const copy = defined(
      data.layers.find((l) => l.instruction === 'COPY' && l.size > 10_000_000),
      'the big COPY layer',
    );
    expect(data.dominant[0]).toBe(copy.index);
    expect(copy.share).toBeGreaterThan(0.8);

    const hints = Object.fromEntries(data.hints.map((h) => [h.code, h.layers]));
    expect(Object.keys(hints).sort()).toEqual(['add-instead-of-copy', 'large-copy-context', 'many-run-layers']);
    expect(hints['large-copy-context']).toEqual([copy.index]);
    expect(hints['many-run-layers']).toHaveLength(3);

    // Every note a hint points to can be opened from the reply.
    const menu = reply.actions?.[0]?.[0];
    if (menu?.kind !== 'select') throw new Error(`no note menu in ${JSON.stringify(reply.actions)}`);
    const opened = new Set(menu.options.map((o) => o.value));
    for (const ref of data.hints.flatMap((h) => h.refs)) expect(opened).toContain(ref.replace(/~\d+$/, ''));

    // The ENV secret in the history is redacted, in data and in the rendered table.
    expect(JSON.stringify(reply)).not.toContain('lesson-token-value');
    expect(data.layers.find((l) => l.instruction === 'ENV' && l.createdBy.includes('API_TOKEN'))?.createdBy).toContain(
      '[REDACTED]',
    );
    expect(defined(reply.code?.[0], 'a code block').content).toMatch(/█/);
  });

  it('an unknown or malformed image gives a clear error', async () => {
    const who = {
      id: 'history-test-2',
      name: 'tester',
      locale: 'en' as const,
      transport: 'cli' as const,
      isOrganizer: false,
    };
    const missing = await app.dispatcher.run(
      { name: 'docker', subcommand: 'history', options: { image: 'dockhand-test/none:0' } },
      who,
    );
    expect(missing.error?.code).toBe('image-not-found');
    const bad = await app.dispatcher.run(
      { name: 'docker', subcommand: 'history', options: { image: 'Bad Image!' } },
      { ...who, id: 'history-test-3' },
    );
    expect(bad.error?.code).toBe('invalid-image');
  });
});
