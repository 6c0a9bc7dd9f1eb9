/** `npm run -s cli -- remind …` as tools call it: the real CLI process, a real SQLite file, the real clock. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { wallClock } from '../../src/core/timestamp.ts';
import { run } from '../support/spawn.ts';
import { tempDir } from '../support/temp.ts';

let env: Record<string, string>;
beforeAll(() => {
  env = { DOCKHAND_DB: join(tempDir(), 'cli.db'), LOG_LEVEL: 'info', DISCORD_TOKEN: '' };
});

const cli = (...args: string[]) => run('npm', ['run', '-s', 'cli', '--', ...args], { env });
const WEEK = 7 * 86_400_000;

describe('remind on the CLI', () => {
  it('add --cron … --json prints {id, description, next}: the next three fires, a week apart, in ISO', async () => {
    const started = Date.now();
    const result = await cli('remind', 'add', '--cron', '0 20 * * 3', '--message', '4장 실습', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const body = JSON.parse(result.stdout) as { id: number; description: string; next: string[] };
    expect(Object.keys(body).sort()).toEqual(['description', 'id', 'next']);
    expect(body.id).toBe(1);
    expect(body.description).toBe('20:00, 수요일에만 (Asia/Seoul)');
    expect(body.next).toHaveLength(3);
    const times = body.next.map((iso) => {
      expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      return new Date(iso);
    });
    const [first, second] = times.map((at) => at.getTime());
    expect(first).toBeGreaterThan(started);
    expect((first ?? 0) - started).toBeLessThanOrEqual(WEEK);
    for (const at of times) expect(wallClock(at, 'Asia/Seoul')).toMatchObject({ weekday: 3, hour: 20, minute: 0 });
    expect((second ?? 0) - (first ?? 0)).toBe(WEEK);
    expect(result.stderr).toMatch(/INFO reminder added/);
  });

  it('--tz runs it in another zone; text output names the zone and shows no Discord markup', async () => {
    const result = await cli(
      'remind',
      'add',
      '--cron',
      '30 9 * * 1-5',
      '--tz',
      'America/New_York',
      '--message',
      'standup',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/09:30, 월요일부터 금요일까지 \(America\/New_York\)/);
    expect(result.stdout).toMatch(/• \d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금]\) 09:30 America\/New_York \(/);
    expect(result.stdout).not.toMatch(/<t:|<#/);
  });

  it('an invalid schedule exits non-zero with a message naming the problem', async () => {
    const text = await cli('remind', 'add', '--cron', '0 20 * * 3 * *', '--message', 'x');
    expect(text.code).toBe(1);
    expect(text.stdout.trim()).toBe(
      'cron 식 `0 20 * * 3 * *`: 필드가 7개예요. 5개(분 시 일 월 요일) 또는 초를 앞에 더한 6개여야 해요.',
    );
    const json = await cli('remind', 'add', '--cron', '0 24 * * 3', '--message', 'x', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        code: 'invalid-schedule',
        message: 'cron 식 `0 24 * * 3`: 시 필드의 `24`는 쓸 수 없어요. 쓸 수 있는 값: 0–23',
      },
    });
    const zone = await cli('remind', 'add', '--cron', '0 20 * * 3', '--tz', 'Seoul', '--message', 'x', '--json');
    expect(zone.code).toBe(1);
    expect(JSON.parse(zone.stdout)).toMatchObject({ error: { code: 'invalid-timezone' } });
  });

  it('list --json lists them; remove <id> removes one; removing it again fails', async () => {
    const list = await cli('remind', 'list', '--json');
    expect(list.code).toBe(0);
    const body = JSON.parse(list.stdout) as { reminders: Array<{ id: number; timezone: string; next: string[] }> };
    expect(body.reminders.map((r) => [r.id, r.timezone, r.next.length])).toEqual([
      [1, 'Asia/Seoul', 3],
      [2, 'America/New_York', 3],
    ]);
    const removed = await cli('remind', 'remove', '1');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/리마인더 #1을 지웠어요/);
    const again = await cli('remind', 'remove', '1', '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'reminder-not-found' } });
    const after = JSON.parse((await cli('remind', 'list', '--json')).stdout) as { reminders: Array<{ id: number }> };
    expect(after.reminders.map((r) => r.id)).toEqual([2]);
  });
});
