import cron from 'node-cron';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CronRule } from '../../src/reminders/cron-rule.ts';
import { latestFire } from '../../src/reminders/due.ts';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

function nextTimes(expression: string, zone: string, from: string, count = 3): string[] {
  const rule = new CronRule(expression, zone);
  try {
    return iso(rule.nextTimes(new Date(from), count));
  } finally {
    rule.dispose();
  }
}

describe('fire times from an injected moment', () => {
  it('Asia/Seoul (UTC+9, no DST): "every Wednesday 20:00" from a Saturday evening', () => {
    // 2026-11-28 18:00 KST is a Saturday.
    expect(nextTimes('0 20 * * 3', 'Asia/Seoul', '2026-11-28T09:00:00Z')).toEqual([
      '2026-12-02T11:00:00.000Z',
      '2026-12-09T11:00:00.000Z',
      '2026-12-16T11:00:00.000Z',
    ]);
  });

  it('counts strictly after the moment: at 20:00 sharp the next one is a week later', () => {
    expect(nextTimes('0 20 * * 3', 'Asia/Seoul', '2026-12-02T11:00:00Z', 1)).toEqual(['2026-12-09T11:00:00.000Z']);
    expect(nextTimes('0 20 * * 3', 'Asia/Seoul', '2026-12-02T10:59:59.999Z', 1)).toEqual(['2026-12-02T11:00:00.000Z']);
  });

  it('weekdays 09:00 skips the weekend, in Seoul', () => {
    // Friday 2026-12-04 10:00 KST → Monday, Tuesday, Wednesday 09:00 KST.
    expect(nextTimes('0 9 * * 1-5', 'Asia/Seoul', '2026-12-04T01:00:00Z')).toEqual([
      '2026-12-07T00:00:00.000Z',
      '2026-12-08T00:00:00.000Z',
      '2026-12-09T00:00:00.000Z',
    ]);
  });

  it('the same wall-clock time is a different instant in each zone', () => {
    const from = '2026-11-28T00:00:00Z';
    expect(nextTimes('0 20 * * 3', 'UTC', from, 1)).toEqual(['2026-12-02T20:00:00.000Z']);
    expect(nextTimes('0 20 * * 3', 'Asia/Kolkata', from, 1)).toEqual(['2026-12-02T14:30:00.000Z']);
    expect(nextTimes('0 20 * * 3', 'America/New_York', from, 1)).toEqual(['2026-12-03T01:00:00.000Z']);
    expect(nextTimes('0 20 * * 3', 'Asia/Seoul', from, 1)).toEqual(['2026-12-02T11:00:00.000Z']);
  });

  it('keeps the wall-clock time across DST in New York, while Seoul does not move', () => {
    // DST starts 2026-03-08 and ends 2026-11-01 in New York.
    expect(nextTimes('0 9 * * *', 'America/New_York', '2026-03-07T00:00:00Z')).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(nextTimes('0 9 * * *', 'America/New_York', '2026-10-31T00:00:00Z')).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
    expect(nextTimes('0 9 * * *', 'Asia/Seoul', '2026-03-07T00:00:00Z')).toEqual([
      '2026-03-08T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-10T00:00:00.000Z',
    ]);
  });

  it('fires a wall-clock time the clocks repeat once, as node-cron does', () => {
    // London goes back at 02:00 BST on 2026-10-25 (01:00 UTC): 01:30 happens at 00:30 and 01:30 UTC.
    // From the first 01:30, the second is not another fire (it was 01:30 already).
    expect(nextTimes('30 1,2 * * *', 'Europe/London', '2026-10-25T00:30:00Z', 2)).toEqual([
      '2026-10-25T02:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
    expect(nextTimes('30 1,2 * * *', 'Europe/London', '2026-10-25T00:00:00Z', 1)).toEqual(['2026-10-25T01:30:00.000Z']);
  });

  it('understands node-cron’s extensions: last day of the month, nth weekday', () => {
    expect(nextTimes('0 18 L * *', 'Asia/Seoul', '2026-01-15T00:00:00Z')).toEqual([
      '2026-01-31T09:00:00.000Z',
      '2026-02-28T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
    ]);
    // The second Tuesday of each month, 19:30.
    expect(nextTimes('30 19 * * 2#2', 'Asia/Seoul', '2026-12-01T00:00:00Z', 2)).toEqual([
      '2026-12-08T10:30:00.000Z',
      '2027-01-12T10:30:00.000Z',
    ]);
  });

  it('finds the latest fire in a window, and none when the window holds none', () => {
    const rule = new CronRule('*/10 * * * *', 'Asia/Seoul');
    try {
      expect(latestFire(rule, new Date('2026-12-02T10:00:00Z'), new Date('2026-12-02T10:35:00Z'))?.toISOString()).toBe(
        '2026-12-02T10:30:00.000Z',
      );
      expect(latestFire(rule, new Date('2026-12-02T10:30:00Z'), new Date('2026-12-02T10:39:59Z'))).toBeUndefined();
      // A weekly schedule: found far back.
      const weekly = new CronRule('0 20 * * 3', 'Asia/Seoul');
      expect(
        latestFire(weekly, new Date('2026-01-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))?.toISOString(),
      ).toBe('2026-11-25T11:00:00.000Z');
      weekly.dispose();
    } finally {
      rule.dispose();
    }
  });

  it('leaves node-cron’s task registry as it found it', () => {
    const before = cron.getTasks().size;
    nextTimes('0 20 * * 3', 'Asia/Seoul', '2026-11-28T09:00:00Z');
    expect(cron.getTasks().size).toBe(before);
  });
});

describe('agreement with node-cron’s own fire times', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const zones = ['Asia/Seoul', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
  const expressions = [
    '0 20 * * 3',
    '0 9 * * 1-5',
    '30 2 * * *',
    '15 1 * * 0',
    '*/20 * * * *',
    '0 0 L * *',
    '0 9 15W * *',
    '0 10 * * 1#2',
    '45 23 * * 5L',
    '0 0,12 1 */2 *',
    '30 1,2,3 * * *',
  ];
  // DST changes in the zones above fall in March/April and October/November.
  const instants = fc.oneof(
    fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
    fc
      .constantFrom('2026-03-08T06:00:00Z', '2026-03-29T00:30:00Z', '2026-04-05T14:30:00Z', '2026-10-25T00:30:00Z')
      .chain((at) => fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }).map((d) => new Date(Date.parse(at) + d))),
  );

  it('gives the times node-cron’s getNextRuns gives, from any moment, in zones with and without DST', () => {
    fc.assert(
      fc.property(fc.constantFrom(...expressions), fc.constantFrom(...zones), instants, (expression, zone, at) => {
        vi.useFakeTimers({ toFake: ['Date'], now: at });
        const task = cron.createTask(expression, () => undefined, { timezone: zone });
        const expected = iso(task.getNextRuns(4));
        void task.destroy();
        vi.useRealTimers();
        expect(nextTimes(expression, zone, at.toISOString(), 4)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
