import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion } from '../../src/store/migrations.ts';
import { ReminderRepository, type NewReminder } from '../../src/store/reminders.ts';
import { Store } from '../../src/store/store.ts';
import { tempDir } from '../support/temp.ts';

const opened: Store[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** Two connections on one real file, as two dockhand processes hold it. */
function twoConnections(): [ReminderRepository, ReminderRepository, Store] {
  const path = join(tempDir(), 'dockhand.db');
  const a = Store.open(path);
  const b = Store.open(path);
  opened.push(a, b);
  return [new ReminderRepository(a.db), new ReminderRepository(b.db), a];
}

const weekly: NewReminder = {
  schedule: { kind: 'cron', expression: '0 20 * * 3' },
  scheduleInput: '매주 수요일 20:00',
  timezone: 'Asia/Seoul',
  message: '4장 실습',
  guildId: '100000000000000001',
  channelId: '100000000000000002',
  roleId: '100000000000000003',
  chapter: 4,
  createdAt: new Date('2026-11-28T09:00:00Z'),
  createdBy: 'u1',
  createdByName: '소라',
};
const fire = new Date('2026-12-02T11:00:00Z');
const claim = (id: number, fireTime = fire) => ({
  id,
  fireTime,
  claimedAt: new Date('2026-12-02T11:00:01Z'),
  late: false,
  outcome: 'posting' as const,
});

describe('reminders in SQLite', () => {
  it('migrates to the reminders version (2) and keeps what it was given', () => {
    const [reminders, , store] = twoConnections();
    expect(currentVersion(store.db)).toBeGreaterThanOrEqual(2);
    const saved = reminders.add(weekly);
    expect(saved).toMatchObject({ ...weekly, id: 1, status: 'active', activeSince: weekly.createdAt });
    expect(saved.lastFireAt).toBeUndefined();
    expect(reminders.list('100000000000000001').map((r) => r.id)).toEqual([1]);
    expect(reminders.list('999999999999999999')).toEqual([]);
    expect(reminders.list().map((r) => r.id)).toEqual([1]);
  });

  it('lets exactly one of two processes claim a fire, and no one claim an older one after it', () => {
    const [a, b] = twoConnections();
    const { id } = a.add(weekly);
    expect(a.claim(claim(id))).toBe(true);
    expect(b.claim(claim(id))).toBe(false);
    expect(a.claim(claim(id))).toBe(false);
    expect(b.claim(claim(id, new Date('2026-11-25T11:00:00Z')))).toBe(false);
    expect(b.get(id)).toMatchObject({
      lastFireAt: fire,
      lastFire: { fireTime: fire, outcome: 'posting', late: false },
    });
    b.settle(id, fire, 'posted');
    expect(a.get(id)?.lastFire?.outcome).toBe('posted');
    expect(a.fires(id)).toHaveLength(1);
  });

  it('claims nothing for a paused or removed reminder, nor a fire before it was resumed', () => {
    const [a, b] = twoConnections();
    const { id } = a.add(weekly);
    expect(b.pause(id)).toBe(true);
    expect(a.claim(claim(id))).toBe(false);
    expect(b.pause(id)).toBe(false);
    // Resumed after the fire time: that fire happened while paused and is never posted.
    expect(b.resume(id, new Date('2026-12-02T11:05:00Z'))).toBe(true);
    expect(a.claim(claim(id))).toBe(false);
    expect(a.claim(claim(id, new Date('2026-12-09T11:00:00Z')))).toBe(true);
    expect(b.remove(id)).toBe(true);
    expect(a.claim(claim(id, new Date('2026-12-16T11:00:00Z')))).toBe(false);
    expect(a.fires(id)).toEqual([]);
  });

  it('marks a one-off done with its fire', () => {
    const [a] = twoConnections();
    const at = new Date('2026-12-03T10:30:00Z');
    const { id } = a.add({ ...weekly, schedule: { kind: 'once', at }, scheduleInput: '2026-12-03 19:30' });
    expect(a.get(id)?.schedule).toEqual({ kind: 'once', at });
    expect(a.claim(claim(id, at))).toBe(true);
    expect(a.get(id)?.status).toBe('done');
    expect(a.active()).toEqual([]);
  });

  it('sees another connection’s commits in data_version', () => {
    const [a, b] = twoConnections();
    const before = a.dataVersion();
    expect(a.dataVersion()).toBe(before);
    b.add(weekly);
    expect(a.dataVersion()).not.toBe(before);
  });
});
