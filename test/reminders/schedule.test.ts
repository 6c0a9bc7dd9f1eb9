import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { translator } from '../../src/core/locale.ts';
import { describeSchedule } from '../../src/reminders/describe.ts';
import { parseSchedule, type Schedule } from '../../src/reminders/schedule.ts';

// Saturday 2026-11-28, 18:00 in Seoul.
const now = new Date('2026-11-28T09:00:00Z');
const parse = (input: string, timezone?: string) => parseSchedule(input, { timezone, defaultZone: 'Asia/Seoul', now });

function failure(input: string, timezone?: string): UserError {
  try {
    parse(input, timezone);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`${input} was accepted`);
}

function cronOf(schedule: Schedule): string {
  if (schedule.kind !== 'cron') throw new Error(`not a cron schedule: ${JSON.stringify(schedule)}`);
  return schedule.expression;
}

describe('shortcuts', () => {
  it.each([
    ['매주 수요일 20:00', '0 20 * * 3'],
    ['수요일 20:00', '0 20 * * 3'],
    ['매주 수 저녁 8시', '0 20 * * 3'],
    ['every wednesday 20:00', '0 20 * * 3'],
    ['Every Wednesday at 8pm', '0 20 * * 3'],
    ['wednesdays 8:30 pm', '30 20 * * 3'],
    ['매일 09:00', '0 9 * * *'],
    ['daily 9am', '0 9 * * *'],
    ['평일 09:00', '0 9 * * 1-5'],
    ['weekdays 09:00', '0 9 * * 1-5'],
    ['주말 오전 10시 반', '30 10 * * 0,6'],
    ['매주 월, 수 19:30', '30 19 * * 1,3'],
    ['월수금 07:00', '0 7 * * 1,3,5'],
    ['tuesdays and thursdays 18:00', '0 18 * * 2,4'],
    ['매월 1일 10:00', '0 10 1 * *'],
    ['monthly on the 15th 9am', '0 9 15 * *'],
    ['20:00 every friday', '0 20 * * 5'],
  ])('%s → %s', (input, expression) => {
    const schedule = parse(input);
    expect(cronOf(schedule)).toBe(expression);
    expect(schedule).toMatchObject({ timezone: 'Asia/Seoul', zoneGiven: false, input });
  });

  it('takes raw 5- and 6-field cron expressions as they are', () => {
    expect(cronOf(parse('0 20 * * 3'))).toBe('0 20 * * 3');
    expect(cronOf(parse('0 0 20 * * wed'))).toBe('0 0 20 * * wed');
    expect(cronOf(parse('*/15 9-18 * * 1-5'))).toBe('*/15 9-18 * * 1-5');
  });

  it('runs in the zone given, canonically spelled, and says whether one was given', () => {
    expect(parse('0 20 * * 3', 'america/new_york')).toMatchObject({ timezone: 'America/New_York', zoneGiven: true });
    expect(parse('0 20 * * 3')).toMatchObject({ timezone: 'Asia/Seoul', zoneGiven: false });
  });
});

describe('one-off reminders', () => {
  it('reads a date and time in the configured zone', () => {
    expect(parse('2026-12-03 19:30')).toEqual({
      kind: 'once',
      at: new Date('2026-12-03T10:30:00Z'),
      timezone: 'Asia/Seoul',
      zoneGiven: false,
      input: '2026-12-03 19:30',
    });
    expect(parse('2026년 12월 3일 오후 7시 30분')).toMatchObject({ at: new Date('2026-12-03T10:30:00Z') });
  });

  it('uses a zone written after the time or given as an option', () => {
    expect(parse('2026-12-03 19:30 America/New_York')).toMatchObject({
      at: new Date('2026-12-04T00:30:00Z'),
      timezone: 'America/New_York',
      zoneGiven: true,
    });
    expect(parse('2026-12-03 19:30', 'UTC')).toMatchObject({ at: new Date('2026-12-03T19:30:00Z'), zoneGiven: true });
    expect(failure('2026-12-03 19:30 America/New_York', 'Asia/Seoul').localized.ko).toMatch(/시간대가 두 번/);
  });

  it('reads today and tomorrow on the zone’s calendar', () => {
    // 18:00 Saturday in Seoul: tomorrow is Sunday the 29th.
    expect(parse('내일 9시')).toMatchObject({ at: new Date('2026-11-29T00:00:00Z') });
    expect(parse('today 23:30')).toMatchObject({ at: new Date('2026-11-28T14:30:00Z') });
  });

  it('refuses times in the past, dates that do not exist and times a DST change skips', () => {
    expect(failure('2026-11-28 17:59').code).toBe('schedule-in-past');
    expect(failure('2026-11-28 17:59').localized.ko).toMatch(/이미 지난 시각/);
    expect(failure('2026-02-30 10:00').localized.ko).toMatch(/2026년 2월 30일은 없는 날짜/);
    expect(failure('2027-03-14 02:30 America/New_York').localized.en).toMatch(/does not exist in America\/New_York/);
  });
});

describe('problems are named, in Korean and English', () => {
  it.each([
    ['61 20 * * 3', /분 필드의 `61`은 쓸 수 없어요/, /`61` is not a valid minute/],
    ['0 25 * * 3', /시 필드의 `25`는 쓸 수 없어요/, /`25` is not a valid hour/],
    ['0 20 * * 8', /요일 필드의 `8`은 쓸 수 없어요/, /not a valid day-of-week/],
    ['0 20 * 13 *', /월 필드의 `13`은 쓸 수 없어요/, /not a valid month/],
    ['0 20 * *', /필드가 4개예요/, /4 fields/],
    ['0 0 31 2 *', /있는 날짜가 나오지 않아요/, /never occurs/],
    ['*/10 * * * * *', /1분에 한 번보다 자주/, /more than once a minute/],
    ['0 0 29 2 1', /8년 안에 한 번도 울리지 않아요/, /never fires in the next eight years/],
    ['20:00', /언제 반복할지/, /say when it repeats/],
    ['some time next week', /알아볼 수 없어요/, /Cannot read the schedule/],
  ])('%s', (input, ko, en) => {
    const error = failure(input);
    expect(error.code).toBe('invalid-schedule');
    expect(error.localized.ko).toMatch(ko);
    expect(error.localized.en).toMatch(en);
  });

  it('names an unknown zone', () => {
    const error = failure('0 20 * * 3', 'Mars/Olympus');
    expect(error.code).toBe('invalid-timezone');
    expect(error.localized.ko).toMatch(/`Mars\/Olympus`는 알 수 없는 시간대/);
  });
});

describe('descriptions', () => {
  const ko = translator('ko');
  const en = translator('en');

  it('say the schedule in words (cronstrue’s Korean), always with the zone', () => {
    expect(describeSchedule({ kind: 'cron', expression: '0 20 * * 3', timezone: 'Asia/Seoul' }, ko)).toBe(
      '20:00, 수요일에만 (Asia/Seoul)',
    );
    expect(describeSchedule({ kind: 'cron', expression: '0 9 * * 1-5', timezone: 'Asia/Seoul' }, ko)).toBe(
      '09:00, 월요일부터 금요일까지 (Asia/Seoul)',
    );
    expect(describeSchedule({ kind: 'cron', expression: '0 9 * * *', timezone: 'UTC' }, ko)).toBe('매일 09:00 (UTC)');
    expect(describeSchedule({ kind: 'cron', expression: '0 20 * * 3', timezone: 'America/New_York' }, en)).toBe(
      'At 20:00, only on Wednesday (America/New_York)',
    );
  });

  it('give a one-off’s moment in its own zone', () => {
    const at = new Date('2026-12-03T10:30:00Z');
    expect(describeSchedule({ kind: 'once', at, timezone: 'Asia/Seoul' }, ko)).toBe(
      '한 번: 2026년 12월 3일 (목) 19:30 Asia/Seoul',
    );
    expect(describeSchedule({ kind: 'once', at, timezone: 'America/New_York' }, en)).toBe(
      'Once: Thu, Dec 3, 2026, 05:30 America/New_York',
    );
  });
});
