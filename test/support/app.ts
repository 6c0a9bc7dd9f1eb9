import { join } from 'node:path';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/core/clock.ts';
import type { Caller } from '../../src/core/context.ts';
import { createLogger } from '../../src/core/logger.ts';
import { tempDir } from './temp.ts';

/** The real app (real knowledge, real SQLite file in a temp dir), quiet logs, a settable clock. */
export async function testApp(
  env: Record<string, string> = {},
): Promise<App & { clock: ReturnType<typeof fixedClock>; dbPath: string }> {
  const dbPath = join(tempDir(), 'dockhand.db');
  const clock = fixedClock('2026-11-28T09:00:00Z');
  const app = await createApp(loadConfig({ DOCKHAND_DB: dbPath, ...env }), { log: createLogger('silent'), clock });
  return Object.assign(app, { clock, dbPath });
}

export function member(overrides: Partial<Caller> = {}): Caller {
  return {
    id: 'u-100',
    name: 'minji',
    locale: 'ko',
    transport: 'discord',
    guildId: 'g-1',
    channelId: 'c-1',
    isOrganizer: false,
    ...overrides,
  };
}
