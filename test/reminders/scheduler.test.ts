/**
 * The scheduler with real parts: the real app (knowledge, SQLite file, node-cron), several app
 * instances on one file standing in for restarts and for two processes, and a clock each test
 * sets. Posts go to a recording poster, as the Discord and console posters would receive them.
 */
import { join } from 'node:path';
import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createLogger } from '../../src/core/logger.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { PostFailure, type ReminderPost, type ReminderPoster } from '../../src/reminders/poster.ts';
import { Scheduler, type NewReminderInput } from '../../src/reminders/scheduler.ts';
import { ReminderRepository } from '../../src/store/reminders.ts';
import { Store } from '../../src/store/store.ts';
import { tempDir } from '../support/temp.ts';

type Instance = App & { clock: ReturnType<typeof fixedClock>; logs: string[] };

const running: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  for (const app of running.splice(0).reverse()) await app.close();
});

/** One dockhand process on the file, its clock at `at`. */
async function instance(dbPath: string, at: string, graceMinutes = 15): Promise<Instance> {
  const clock = fixedClock(at);
  const logs: string[] = [];
  const config = loadConfig({
    DOCKHAND_DB: dbPath,
    DOCKHAND_REMINDER_GRACE_MINUTES: String(graceMinutes),
    LOG_LEVEL: 'info',
  });
  const app = await createApp(config, { log: createLogger('info', (line) => logs.push(line)), clock });
  running.push(app);
  return Object.assign(app, { clock, logs });
}

function recorder(deliverable: (post: Pick<ReminderPost, 'channelId'>) => boolean = () => true) {
  const posts: ReminderPost[] = [];
  const poster: ReminderPoster = {
    canDeliver: deliverable,
    post: (post) => {
      posts.push(post);
      return Promise.resolve();
    },
  };
  return { posts, poster };
}

const CHANNEL = '100000000000000002';
const weekly: NewReminderInput = {
  schedule: '매주 수요일 20:00',
  message: '4장 실습 시작해요!',
  channelId: CHANNEL,
  roleId: '100000000000000003',
  chapter: 4,
  guildId: '100000000000000001',
  createdBy: 'u1',
  createdByName: '소라',
};

// Wednesday 2026-12-02: 19:00, 20:00, 20:05 … in Seoul.
const BEFORE = '2026-12-02T10:00:00Z';
const FIRE = '2026-12-02T11:00:00Z';
const minutesAfterFire = (m: number) => new Date(Date.parse(FIRE) + m * 60_000).toISOString();

describe('posting on time', () => {
  it('posts at the fire time, not before, and only once however often it looks', async () => {
    const app = await instance(join(tempDir(), 'd.db'), BEFORE);
    const { reminder } = app.services.scheduler.add(weekly);
    const { posts, poster } = recorder();
    await app.services.scheduler.start(poster);
    expect(app.services.scheduler.scheduledIds()).toEqual([reminder.id]);
    expect(posts).toHaveLength(0);

    app.clock.set('2026-12-02T10:59:59Z');
    await app.services.scheduler.runDue();
    expect(posts).toHaveLength(0);

    app.clock.set(FIRE);
    await app.services.scheduler.runDue();
    await app.services.scheduler.runDue({ id: reminder.id });
    app.clock.set(minutesAfterFire(5));
    await app.services.scheduler.runDue();
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post).toMatchObject({ reminderId: reminder.id, channelId: CHANNEL, roleId: weekly.roleId, test: false });
    expect(post?.reply.title).toBe('⏰ 스터디 리마인더');
    expect(post?.reply.text).toContain('4장 실습 시작해요!');
    expect(post?.reply.text).toContain('**4장 실습 체크리스트**');
    expect(post?.reply.fields?.map((f) => f.value).join('\n')).toContain('docker build -t webapp:8.0');
    expect(post?.reply.footer).toBe('#1 · 매주 수요일 20:00 · 20:00, 수요일에만 (Asia/Seoul)');
    expect(app.services.scheduler.find(reminder.id, undefined).lastFire).toMatchObject({
      fireTime: new Date(FIRE),
      outcome: 'posted',
      late: false,
    });

    // A week later, the next one.
    app.clock.set('2026-12-09T11:00:00Z');
    await app.services.scheduler.runDue();
    expect(posts).toHaveLength(2);
  });

  it('with no grace window at all, still posts what is due now, and skips what is over a minute old', async () => {
    const file = join(tempDir(), 'd.db');
    const app = await instance(file, BEFORE, 0);
    const { reminder } = app.services.scheduler.add(weekly);
    const { posts, poster } = recorder();
    await app.services.scheduler.start(poster);
    app.clock.set('2026-12-02T11:00:00.040Z');
    await app.services.scheduler.runDue({ id: reminder.id });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.reply.title).toBe('⏰ 스터디 리마인더');
    await app.close();

    const later = await instance(file, '2026-12-09T11:01:30Z', 0);
    const after = recorder();
    await later.services.scheduler.start(after.poster);
    expect(after.posts).toHaveLength(0);
    expect(later.services.scheduler.find(reminder.id, undefined).lastFire?.outcome).toBe('skipped');
  });

  it('posts a one-off once, then it is done and unscheduled', async () => {
    const app = await instance(join(tempDir(), 'd.db'), BEFORE);
    const { reminder } = app.services.scheduler.add({ ...weekly, schedule: '2026-12-02 20:30', chapter: undefined });
    const { posts, poster } = recorder();
    await app.services.scheduler.start(poster);
    app.clock.set(minutesAfterFire(30));
    await app.services.scheduler.runDue();
    app.clock.set(minutesAfterFire(31));
    await app.services.scheduler.runDue();
    expect(posts).toHaveLength(1);
    expect(app.services.scheduler.find(reminder.id, undefined).status).toBe('done');
    expect(app.services.scheduler.scheduledIds()).toEqual([]);
  });
});

describe('restarts', () => {
  it('a restart in the middle of the due window posts exactly once', async () => {
    const file = join(tempDir(), 'd.db');
    const first = await instance(file, BEFORE);
    first.services.scheduler.add(weekly);
    const before = recorder();
    await first.services.scheduler.start(before.poster);
    first.clock.set(FIRE);
    await first.services.scheduler.runDue();
    await first.close();

    // Back up five minutes later, well inside the 15-minute grace window: already posted.
    const second = await instance(file, minutesAfterFire(5));
    const after = recorder();
    await second.services.scheduler.start(after.poster);
    expect(before.posts).toHaveLength(1);
    expect(after.posts).toHaveLength(0);
  });

  it('a fire missed while down is posted once on start, marked late, and not again by the next start', async () => {
    const file = join(tempDir(), 'd.db');
    const first = await instance(file, BEFORE);
    const { reminder } = first.services.scheduler.add(weekly);
    await first.close(); // down before 20:00

    const second = await instance(file, minutesAfterFire(5));
    const { posts, poster } = recorder();
    await second.services.scheduler.start(poster);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.reply.title).toBe('⏰ 스터디 리마인더 · 늦은 알림');
    expect(posts[0]?.reply.text).toContain(`<t:${Date.parse(FIRE) / 1000}:F|Asia/Seoul>`);
    expect(second.services.scheduler.find(reminder.id, undefined).lastFire).toMatchObject({
      outcome: 'posted',
      late: true,
    });
    await second.close();

    const third = await instance(file, minutesAfterFire(6));
    const again = recorder();
    await third.services.scheduler.start(again.poster);
    expect(again.posts).toHaveLength(0);
  });

  it('two processes starting at once in the due window post it once between them', async () => {
    const file = join(tempDir(), 'd.db');
    const seed = await instance(file, BEFORE);
    seed.services.scheduler.add(weekly);
    const a = await instance(file, minutesAfterFire(3));
    const b = await instance(file, minutesAfterFire(3));
    const ra = recorder();
    const rb = recorder();
    await Promise.all([a.services.scheduler.start(ra.poster), b.services.scheduler.start(rb.poster)]);
    expect(ra.posts.length + rb.posts.length).toBe(1);
    // And both, looking again at once, still leave it at one.
    await Promise.all([a.services.scheduler.runDue(), b.services.scheduler.runDue()]);
    expect(ra.posts.length + rb.posts.length).toBe(1);
  });

  it('a fire older than the grace window is skipped and logged; the next one posts normally', async () => {
    const file = join(tempDir(), 'd.db');
    const first = await instance(file, BEFORE);
    const { reminder } = first.services.scheduler.add(weekly);
    await first.close();

    const second = await instance(file, minutesAfterFire(30));
    const { posts, poster } = recorder();
    await second.services.scheduler.start(poster);
    expect(posts).toHaveLength(0);
    expect(second.logs.some((l) => /WARN reminder: fire older than the grace window, skipped/.test(l))).toBe(true);
    expect(second.services.scheduler.find(reminder.id, undefined).lastFire).toMatchObject({
      fireTime: new Date(FIRE),
      outcome: 'skipped',
    });
    // Looking again does not log it again.
    const warnings = second.logs.length;
    await second.services.scheduler.runDue();
    expect(second.logs).toHaveLength(warnings);

    second.clock.set('2026-12-09T11:00:00Z');
    await second.services.scheduler.runDue();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.reply.title).toBe('⏰ 스터디 리마인더');
  });

  it('after several missed fires, posts only the latest (once) and logs the older ones as skipped', async () => {
    const file = join(tempDir(), 'd.db');
    const first = await instance(file, '2026-12-02T10:00:00Z');
    first.services.scheduler.add({ ...weekly, schedule: '* * * * *', chapter: undefined });
    await first.close();

    const second = await instance(file, '2026-12-02T10:05:30Z');
    const { posts, poster } = recorder();
    await second.services.scheduler.start(poster);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.reply.text).toContain(`<t:${Date.parse('2026-12-02T10:05:00Z') / 1000}:F|Asia/Seoul>`);
    const skipped = second.logs.find((l) => l.includes('older fires were missed and skipped'));
    expect(skipped).toContain('"from":"2026-12-02T10:01:00.000Z"');
  });
});

describe('changes take effect at once', () => {
  it('pause: no post at the fire time, and its node-cron task is gone', async () => {
    const app = await instance(join(tempDir(), 'd.db'), BEFORE);
    const { reminder } = app.services.scheduler.add(weekly);
    const { posts, poster } = recorder();
    await app.services.scheduler.start(poster);
    app.services.scheduler.pause(reminder.id, undefined);
    expect(app.services.scheduler.scheduledIds()).toEqual([]);
    app.clock.set(FIRE);
    await app.services.scheduler.runDue();
    await app.services.scheduler.runDue({ id: reminder.id });
    expect(posts).toHaveLength(0);
  });

  it('pause or remove from another process (the CLI) stops the running one’s next post at once', async () => {
    const file = join(tempDir(), 'd.db');
    const bot = await instance(file, BEFORE);
    const paused = bot.services.scheduler.add(weekly).reminder;
    const removed = bot.services.scheduler.add({ ...weekly, message: '다른 알림' }).reminder;
    const { posts, poster } = recorder();
    await bot.services.scheduler.start(poster);

    const cli = await instance(file, BEFORE);
    cli.services.scheduler.pause(paused.id, undefined);
    cli.services.scheduler.remove(removed.id, undefined);
    // The bot has not looked at the file since, and its timers still exist; its claim still refuses.
    expect(bot.services.scheduler.scheduledIds()).toEqual([paused.id, removed.id]);
    bot.clock.set(FIRE);
    await bot.services.scheduler.runDue({ id: paused.id });
    await bot.services.scheduler.runDue({ id: removed.id });
    await bot.services.scheduler.runDue();
    expect(posts).toHaveLength(0);
  });

  it('resume: fires that passed while paused are never posted; the next one is', async () => {
    const app = await instance(join(tempDir(), 'd.db'), BEFORE);
    const { reminder } = app.services.scheduler.add(weekly);
    const { posts, poster } = recorder();
    await app.services.scheduler.start(poster);
    app.services.scheduler.pause(reminder.id, undefined);
    app.clock.set(minutesAfterFire(2));
    app.services.scheduler.resume(reminder.id, undefined);
    expect(app.services.scheduler.scheduledIds()).toEqual([reminder.id]);
    await app.services.scheduler.runDue();
    expect(posts).toHaveLength(0);
    app.clock.set('2026-12-09T11:00:00Z');
    await app.services.scheduler.runDue();
    expect(posts).toHaveLength(1);
  });

  it('picks up a reminder another process added, without a restart', async () => {
    const file = join(tempDir(), 'd.db');
    const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
    const schedulerOn = (clock: ReturnType<typeof fixedClock>) => {
      const store = Store.open(file);
      running.push(store);
      return new Scheduler({
        reminders: new ReminderRepository(store.db),
        knowledge,
        clock,
        log: createLogger('silent'),
        defaultZone: 'Asia/Seoul',
        graceMs: 15 * 60_000,
        locale: 'ko',
        watchMs: 20,
      });
    };
    const botClock = fixedClock(BEFORE);
    const bot = schedulerOn(botClock);
    running.push({ close: () => bot.stop() });
    const { posts, poster } = recorder();
    await bot.start(poster);
    expect(bot.scheduledIds()).toEqual([]);

    const cli = schedulerOn(fixedClock(BEFORE));
    const { reminder } = cli.add(weekly);
    const deadline = Date.now() + 5_000;
    while (!bot.scheduledIds().includes(reminder.id) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(bot.scheduledIds()).toEqual([reminder.id]);
    botClock.set(FIRE);
    await bot.runDue({ id: reminder.id });
    expect(posts).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('records a refused post as failed, with the reason, and never retries it', async () => {
    const app = await instance(join(tempDir(), 'd.db'), BEFORE);
    const { reminder } = app.services.scheduler.add(weekly);
    let attempts = 0;
    await app.services.scheduler.start({
      canDeliver: () => true,
      post: () => {
        attempts++;
        return Promise.reject(new PostFailure({ ko: '권한이 없어요', en: 'no permission' }));
      },
    });
    app.clock.set(FIRE);
    await app.services.scheduler.runDue();
    await app.services.scheduler.runDue();
    expect(attempts).toBe(1);
    const lastFire = app.services.scheduler.find(reminder.id, undefined).lastFire;
    expect(lastFire?.outcome).toBe('failed');
    expect(JSON.parse(lastFire?.detail ?? '{}')).toEqual({ ko: '권한이 없어요', en: 'no permission' });
  });

  it('leaves a reminder this transport cannot deliver unclaimed (a console reminder while the bot runs)', async () => {
    const app = await instance(join(tempDir(), 'd.db'), BEFORE);
    const { reminder } = app.services.scheduler.add({ ...weekly, channelId: undefined });
    const { posts, poster } = recorder((post) => post.channelId !== undefined);
    await app.services.scheduler.start(poster);
    expect(app.services.scheduler.scheduledIds()).toEqual([]);
    app.clock.set(FIRE);
    await app.services.scheduler.runDue();
    expect(posts).toHaveLength(0);
    expect(app.services.scheduler.find(reminder.id, undefined).lastFireAt).toBeUndefined();
  });

  it('test posts now through the running transport without claiming a fire; with nothing running it shows the post', async () => {
    const app = await instance(join(tempDir(), 'd.db'), BEFORE);
    const { reminder } = app.services.scheduler.add(weekly);
    const preview = await app.services.scheduler.test(reminder.id, undefined);
    expect(preview).toMatchObject({ delivered: false, post: { test: true, roleId: weekly.roleId } });
    expect(preview.post.reply.title).toBe('⏰ 스터디 리마인더 (테스트)');

    const { posts, poster } = recorder();
    await app.services.scheduler.start(poster);
    expect((await app.services.scheduler.test(reminder.id, undefined)).delivered).toBe(true);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.test).toBe(true);
    expect(app.services.scheduler.find(reminder.id, undefined).lastFireAt).toBeUndefined();
  });

  it('stop removes every timer it made from node-cron', async () => {
    const before = cron.getTasks().size;
    const app = await instance(join(tempDir(), 'd.db'), BEFORE);
    app.services.scheduler.add(weekly);
    app.services.scheduler.add({ ...weekly, schedule: '평일 09:00' });
    await app.services.scheduler.start(recorder().poster);
    expect(cron.getTasks().size).toBe(before + 2);
    await app.services.scheduler.stop();
    expect(app.services.scheduler.scheduledIds()).toEqual([]);
    expect(cron.getTasks().size).toBe(before);
  });
});
