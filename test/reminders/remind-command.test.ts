/**
 * /remind through the command core, as Discord and the console run it: the real app, a real
 * SQLite file, a fixed clock. Replies are checked as data and as each transport renders them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render.ts';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply } from '../../src/discord/render/reply-message.ts';
import { member, testApp } from '../support/app.ts';

const apps: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function app() {
  const created = await testApp(); // clock: Saturday 2026-11-28 18:00 in Seoul
  apps.push(created);
  return created;
}

const organizer = member({ isOrganizer: true, guildId: '100000000000000001', channelId: '100000000000000002' });
const consoleUser = member({
  id: 'console:me',
  transport: 'cli',
  isOrganizer: true,
  guildId: undefined,
  channelId: undefined,
});

const run = (a: Awaited<ReturnType<typeof app>>, sub: string, options: Record<string, unknown>, who = organizer) =>
  a.dispatcher.run({ name: 'remind', subcommand: sub, options }, who);

const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('/remind add', () => {
  it('describes the schedule in Korean, names the zone, shows the next three times, and saves it', async () => {
    const a = await app();
    const reply = await run(a, 'add', { schedule: '매주 수요일 20:00', message: '4장 실습', chapter: 4 });
    expect(reply.error).toBeUndefined();
    expect(reply.ephemeral).toBe(true);
    expect(reply.data).toEqual({
      id: 1,
      description: '20:00, 수요일에만 (Asia/Seoul)',
      next: ['2026-12-02T11:00:00.000Z', '2026-12-09T11:00:00.000Z', '2026-12-16T11:00:00.000Z'],
    });
    expect(reply.title).toBe('⏰ 리마인더 #1을 저장했어요');
    expect(reply.text).toContain('**20:00, 수요일에만 (Asia/Seoul)**');
    expect(reply.text).toContain('기본 시간대 Asia/Seoul 기준으로 울려요');
    expect(reply.text).toContain('채널 <#100000000000000002> · 4장 체크리스트');
    expect(reply.text).toContain(
      `<t:${seconds('2026-12-02T11:00:00Z')}:F|Asia/Seoul> (<t:${seconds('2026-12-02T11:00:00Z')}:R|Asia/Seoul>)`,
    );
    expect(a.services.scheduler.list(organizer.guildId).map((r) => [r.id, r.channelId, r.chapter])).toEqual([
      [1, '100000000000000002', 4],
    ]);
  });

  it('renders Discord timestamps in Discord, and the zone’s own time, named, in the terminal', async () => {
    const a = await app();
    const reply = await run(a, 'add', { schedule: '0 20 * * 3', message: '실습', timezone: 'America/New_York' });
    const discord = renderReply(reply, 'ko').embeds[0]?.description ?? '';
    expect(discord).toContain(`<t:${seconds('2026-12-03T01:00:00Z')}:F> (<t:${seconds('2026-12-03T01:00:00Z')}:R>)`);
    expect(discord).not.toMatch(/\|America/);
    expect(discord).toContain('🌐 시간대 America/New_York 기준으로 울려요.');
    const terminal = renderText(reply, { color: false, locale: 'ko', now: a.clock.now() });
    expect(terminal).toContain('• 2026년 12월 2일 (수) 20:00 America/New_York (5일 후)');
    expect(terminal).not.toContain('<t:');
    expect(terminal).toContain('채널 #100000000000000002');
  });

  it('speaks English to an English caller', async () => {
    const a = await app();
    const reply = await run(
      a,
      'add',
      { schedule: 'weekdays 09:00', message: 'standup' },
      { ...organizer, locale: 'en' },
    );
    expect(reply.title).toBe('⏰ Reminder #1 saved');
    expect((reply.data as { description: string }).description).toBe('At 09:00, Monday through Friday (Asia/Seoul)');
    expect(reply.text).toContain('No time zone given, so it runs in the configured zone, Asia/Seoul.');
  });

  it('refuses an invalid schedule with a message naming the problem, and saves nothing', async () => {
    const a = await app();
    const reply = await run(a, 'add', { schedule: '0 20 * * 9', message: 'x' });
    expect(reply.error?.code).toBe('invalid-schedule');
    expect(reply.error?.message).toMatch(/요일 필드의 `9`는 쓸 수 없어요/);
    expect(a.services.scheduler.list(undefined)).toEqual([]);
  });

  it('is for organizers only', async () => {
    const a = await app();
    const reply = await run(a, 'add', { schedule: '매일 09:00', message: 'x' }, { ...organizer, isOrganizer: false });
    expect(reply.error?.code).toBe('organizer-only');
    expect(a.services.scheduler.list(undefined)).toEqual([]);
  });

  it('takes channel and role ids or mentions from the console, and refuses anything else', async () => {
    const a = await app();
    const ok = await run(
      a,
      'add',
      { schedule: '매일 09:00', message: 'x', channel: '<#100000000000000009>', role: '100000000000000008' },
      consoleUser,
    );
    expect(ok.error).toBeUndefined();
    expect(a.services.scheduler.find(1, undefined)).toMatchObject({
      channelId: '100000000000000009',
      roleId: '100000000000000008',
      guildId: undefined,
    });
    const bad = await run(a, 'add', { schedule: '매일 09:00', message: 'x', channel: '#general' }, consoleUser);
    expect(bad.error?.message).toMatch(/`channel` 값은 채널 ID/);
  });

  it('without a channel in the console, the reminder goes to the terminal', async () => {
    const a = await app();
    const reply = await run(a, 'add', { schedule: '2026-12-03 19:30', message: '발표 준비' }, consoleUser);
    expect(reply.text).toContain('📣 콘솔(터미널)');
    expect(reply.data).toEqual({
      id: 1,
      description: '한 번: 2026년 12월 3일 (목) 19:30 Asia/Seoul',
      next: ['2026-12-03T10:30:00.000Z'],
    });
  });
});

describe('/remind list, pause, resume, remove', () => {
  it('lists what this guild has, with the next time and the state', async () => {
    const a = await app();
    await run(a, 'add', { schedule: '매주 수요일 20:00', message: '4장 실습', chapter: 4 });
    await run(a, 'add', { schedule: '평일 09:00', message: '출석' });
    await run(
      a,
      'add',
      { schedule: '매일 09:00', message: '다른 서버' },
      { ...organizer, guildId: '100000000000000077' },
    );
    await run(a, 'pause', { id: '2' });
    const reply = await run(a, 'list', {});
    const data = reply.data as { reminders: Array<Record<string, unknown>> };
    expect(data.reminders.map((r) => [r.id, r.status, (r.next as string[]).length])).toEqual([
      [1, 'active', 3],
      [2, 'paused', 0],
    ]);
    expect(data.reminders[0]).toMatchObject({
      schedule: '매주 수요일 20:00',
      cron: '0 20 * * 3',
      timezone: 'Asia/Seoul',
    });
    expect(reply.fields?.map((f) => f.name)).toEqual(['#1 · 매주 수요일 20:00', '#2 · 평일 09:00 · ⏸ 일시정지']);
    // The console sees every reminder.
    expect(((await run(a, 'list', {}, consoleUser)).data as { reminders: unknown[] }).reminders).toHaveLength(3);
  });

  it('pauses, resumes and removes by number (#3 or 3); another guild’s reminder reads as missing', async () => {
    const a = await app();
    await run(a, 'add', { schedule: '매주 수요일 20:00', message: '4장 실습' });
    expect((await run(a, 'pause', { id: '#1' })).data).toEqual({ id: 1, status: 'paused' });
    expect((await run(a, 'pause', { id: '1' })).error?.message).toMatch(/일시정지되어 있어요/);
    const resumed = await run(a, 'resume', { id: '1' });
    expect(resumed.data).toMatchObject({
      id: 1,
      status: 'active',
      next: ['2026-12-02T11:00:00.000Z', expect.any(String), expect.any(String)],
    });
    const elsewhere = { ...organizer, guildId: '100000000000000077' };
    expect((await run(a, 'remove', { id: '1' }, elsewhere)).error?.code).toBe('reminder-not-found');
    expect((await run(a, 'remove', { id: 'one' })).error?.message).toMatch(/리마인더 번호/);
    const removed = await run(a, 'remove', { id: '1' });
    expect(removed.title).toBe('🗑 리마인더 #1을 지웠어요');
    expect((await run(a, 'list', {})).data).toEqual({ reminders: [] });
  });

  it('offers the caller’s reminders while typing the id', async () => {
    const a = await app();
    await run(a, 'add', { schedule: '매주 수요일 20:00', message: '4장 실습' });
    const choices = await a.dispatcher.autocomplete({ name: 'remind', subcommand: 'remove' }, 'id', '', organizer);
    expect(choices).toEqual([{ name: '#1 매주 수요일 20:00 — 4장 실습', value: '1' }]);
  });
});

describe('/remind test', () => {
  it('shows, where nothing posts (the one-shot CLI), what would be posted', async () => {
    const a = await app();
    await run(a, 'add', { schedule: '매주 수요일 20:00', message: '4장 실습', chapter: 4 }, consoleUser);
    const reply: Reply = await run(a, 'test', { id: '1' }, consoleUser);
    expect(reply.error).toBeUndefined();
    expect(reply.title).toBe('⏰ 스터디 리마인더 (테스트)');
    expect(reply.text).toContain('여기서는 리마인더를 보내지 않아요');
    expect(reply.text).toContain('4장 실습');
    expect(reply.data).toMatchObject({ id: 1, delivered: false });
  });
});
