import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('reminder settings', () => {
  it('default to a 15-minute grace window and no organizer role', () => {
    const config = loadConfig({});
    expect(config.reminderGraceMinutes).toBe(15);
    expect(config.organizerRoleId).toBeUndefined();
    expect(config.timezone).toBe('Asia/Seoul');
  });

  it('take a grace window in minutes and a role id, and name the variable when one is wrong', () => {
    const config = loadConfig({
      DOCKHAND_REMINDER_GRACE_MINUTES: '0',
      DOCKHAND_ORGANIZER_ROLE_ID: '123456789012345678',
    });
    expect(config.reminderGraceMinutes).toBe(0);
    expect(config.organizerRoleId).toBe('123456789012345678');
    for (const [variable, value] of [
      ['DOCKHAND_REMINDER_GRACE_MINUTES', '1441'],
      ['DOCKHAND_REMINDER_GRACE_MINUTES', 'soon'],
      ['DOCKHAND_ORGANIZER_ROLE_ID', '@organizers'],
    ] as const) {
      expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
      try {
        loadConfig({ [variable]: value });
      } catch (error) {
        expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
      }
    }
  });
});
