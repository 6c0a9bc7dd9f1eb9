/**
 * Never a double post, even with two processes: two real dockhand processes start their
 * schedulers on one SQLite file at the same moment, with many reminders due.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createLogger } from '../../src/core/logger.ts';
import { ScriptProcess } from '../support/bot-process.ts';
import { tempDir } from '../support/temp.ts';

const REMINDERS = 150;

describe('two processes on one file', () => {
  it('post every due reminder exactly once between them', async () => {
    const dbPath = join(tempDir(), 'dockhand.db');
    const seed = await createApp(loadConfig({ DOCKHAND_DB: dbPath }), {
      log: createLogger('silent'),
      clock: fixedClock('2026-12-02T10:00:00Z'),
    });
    for (let i = 0; i < REMINDERS; i++) {
      seed.services.scheduler.add({
        schedule: '매주 수요일 20:00',
        message: `알림 ${i}`,
        createdBy: 'u1',
        createdByName: '소라',
      });
    }
    await seed.close();

    // Both wake 3 minutes after 20:00 (inside the grace window) and catch up at the same moment.
    const env = {
      DOCKHAND_DB: dbPath,
      CLOCK: '2026-12-02T11:03:00Z',
      START_AT: String(Date.now() + 4_000),
      LOG_LEVEL: 'silent',
    };
    const processes = [0, 1].map(() => new ScriptProcess('test/reminders/support/catch-up-process.ts', env));
    const exits = await Promise.all(processes.map((p) => p.exited));
    expect(
      exits.map((e) => e.code),
      processes.map((p) => p.stderr).join('\n'),
    ).toEqual([0, 0]);
    const posted = processes.flatMap((p) => JSON.parse(p.stdout.trim()) as number[]);
    expect(posted).toHaveLength(REMINDERS);
    expect(new Set(posted).size).toBe(REMINDERS);
  }, 60_000);
});
