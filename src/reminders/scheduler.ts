import type { Logger as CronLogger } from 'node-cron';
import type { Clock } from '../core/clock.ts';
import { UserError } from '../core/errors.ts';
import { translator, type Locale, type Translate } from '../core/locale.ts';
import type { Logger } from '../core/logger.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { ReminderRecord, ReminderRepository } from '../store/reminders.ts';
import { CronRule } from './cron-rule.ts';
import { dueFire, LATE_AFTER_MS } from './due.ts';
import { reminderPost } from './post.ts';
import { PostFailure, type ReminderPost, type ReminderPoster } from './poster.ts';
import { onceExpression, parseSchedule, type Schedule } from './schedule.ts';
import { withParticle } from '../core/korean-particles.ts';

export interface SchedulerOptions {
  reminders: ReminderRepository;
  knowledge: KnowledgeBase;
  clock: Clock;
  log: Logger;
  /** DOCKHAND_TIMEZONE: schedules given without a zone run here. */
  defaultZone: string;
  /** A fire missed by up to this much (dockhand was down) is still posted, marked late. */
  graceMs: number;
  /** The language reminders are posted in (the group's). */
  locale: Locale;
  /** How often to look for changes made by other processes (the CLI) and sweep for due fires. */
  watchMs?: number;
}

export interface NewReminderInput {
  schedule: string;
  timezone?: string | undefined;
  message: string;
  channelId?: string | undefined;
  roleId?: string | undefined;
  chapter?: number | undefined;
  guildId?: string | undefined;
  createdBy: string;
  createdByName: string;
}

export interface TestResult {
  /** Posted by the running transport; false when nothing runs here (the one-shot CLI): `post` shows it. */
  delivered: boolean;
  post: ReminderPost;
}

/** Reminders not visible to the caller (another guild) read as missing. */
type Scope = string | undefined;

const SWEEP_EVERY_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * Scheduled lab reminders. Any process can manage them (`add`, `pause`, … write SQLite); the
 * running transport (the bot after READY, the console) calls `start(poster)`: then every
 * active reminder has a node-cron task that wakes it at its fire times, fires missed while
 * dockhand was down are caught up (within the grace window, once, marked late), and changes
 * other processes make are picked up within `watchMs`. Every post is claimed in SQLite first
 * (`ReminderRepository.claim`), so two processes on one file never post the same fire twice.
 * All time comes from the injected clock.
 */
export class Scheduler {
  private readonly reminders: ReminderRepository;
  private readonly knowledge: KnowledgeBase;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly t: Translate;
  private readonly rules = new Map<number, { rule: CronRule; key: string }>();
  private readonly inFlight = new Set<Promise<void>>();
  private poster: ReminderPoster | undefined;
  private watcher: NodeJS.Timeout | undefined;
  private dataVersion = -1;
  private lastSweep = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.reminders = options.reminders;
    this.knowledge = options.knowledge;
    this.clock = options.clock;
    this.log = options.log;
    this.t = translator(options.locale);
  }

  get defaultZone(): string {
    return this.options.defaultZone;
  }

  get running(): boolean {
    return this.poster !== undefined;
  }

  /** Reminder ids with a live node-cron task in this process. */
  scheduledIds(): number[] {
    return [...this.rules.keys()].sort((a, b) => a - b);
  }

  // ── managing ──────────────────────────────────────────────────────────────────

  /** Reads a schedule as `add` would, without saving: a UserError names any problem. */
  parse(schedule: string, timezone?: string): Schedule {
    return parseSchedule(schedule, { timezone, defaultZone: this.options.defaultZone, now: this.clock.now() });
  }

  add(input: NewReminderInput): { reminder: ReminderRecord; schedule: Schedule } {
    const schedule = this.parse(input.schedule, input.timezone);
    if (input.chapter !== undefined && !this.knowledge.chapter(input.chapter)) {
      throw new UserError('unknown-chapter', {
        ko: `${input.chapter}장 노트가 없어서 체크리스트를 붙일 수 없어요.`,
        en: `There are no notes for chapter ${input.chapter}, so no checklist to attach.`,
      });
    }
    const reminder = this.reminders.add({
      schedule: schedule.kind === 'cron' ? { kind: 'cron', expression: schedule.expression } : schedule,
      scheduleInput: schedule.input,
      timezone: schedule.timezone,
      message: input.message,
      guildId: input.guildId,
      channelId: input.channelId,
      roleId: input.roleId,
      chapter: input.chapter,
      createdAt: this.clock.now(),
      createdBy: input.createdBy,
      createdByName: input.createdByName,
    });
    this.log.info('reminder added', { id: reminder.id, schedule: schedule.input, timezone: schedule.timezone });
    this.track(reminder);
    return { reminder, schedule };
  }

  list(scope: Scope): ReminderRecord[] {
    return this.reminders.list(scope);
  }

  find(id: number, scope: Scope): ReminderRecord {
    const reminder = this.reminders.get(id);
    if (reminder && (scope === undefined || reminder.guildId === scope)) return reminder;
    throw new UserError('reminder-not-found', {
      ko: `#${id} 리마인더가 없어요. \`/remind list\`로 목록을 보세요.`,
      en: `There is no reminder #${id}. See \`/remind list\`.`,
    });
  }

  remove(id: number, scope: Scope): ReminderRecord {
    const reminder = this.find(id, scope);
    this.reminders.remove(id);
    this.untrack(id);
    this.log.info('reminder removed', { id });
    return reminder;
  }

  pause(id: number, scope: Scope): ReminderRecord {
    const reminder = this.find(id, scope);
    if (reminder.status !== 'active') throw this.notInState(reminder, 'pause');
    this.reminders.pause(id);
    this.untrack(id);
    this.log.info('reminder paused', { id });
    return this.find(id, scope);
  }

  resume(id: number, scope: Scope): ReminderRecord {
    const reminder = this.find(id, scope);
    if (reminder.status !== 'paused') throw this.notInState(reminder, 'resume');
    this.reminders.resume(id, this.clock.now());
    const resumed = this.find(id, scope);
    this.track(resumed);
    this.log.info('reminder resumed', { id });
    return resumed;
  }

  /** Posts the reminder now through the running transport (notifying no one), or returns the post to show. */
  async test(id: number, scope: Scope): Promise<TestResult> {
    const reminder = this.find(id, scope);
    const post = reminderPost(reminder, { late: false, test: true }, this.knowledge, this.t);
    if (!this.poster?.canDeliver(post)) return { delivered: false, post };
    try {
      await this.poster.post(post);
    } catch (error) {
      this.log.warn('reminder test post failed', { id, error });
      const reason = error instanceof PostFailure ? error.reason : { ko: String(error), en: String(error) };
      throw new UserError('post-failed', {
        ko: `${withParticle(`#${id}`, '을/를')} 보내지 못했어요: ${reason.ko}`,
        en: `Could not post #${id}: ${reason.en}`,
      });
    }
    return { delivered: true, post };
  }

  // ── running ───────────────────────────────────────────────────────────────────

  /**
   * Starts delivering through `poster`: schedules every active reminder it can deliver, posts
   * the fires missed while dockhand was down (within the grace window, marked late), and
   * watches the file for changes other processes make. Safe to call twice.
   */
  async start(poster: ReminderPoster): Promise<void> {
    if (this.poster) return;
    this.poster = poster;
    this.dataVersion = this.reminders.dataVersion();
    this.lastSweep = this.clock.now().getTime();
    for (const reminder of this.reminders.active()) this.track(reminder);
    this.log.info('reminders: running', { scheduled: this.rules.size, graceMinutes: this.options.graceMs / 60_000 });
    await this.runDue({ catchUp: true });
    const watchMs = this.options.watchMs ?? 5_000;
    this.watcher = setInterval(() => void this.watch(), watchMs);
    this.watcher.unref();
  }

  /** Stops every timer and waits (briefly) for posts in flight. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = undefined;
    for (const id of [...this.rules.keys()]) this.untrack(id);
    this.poster = undefined;
    if (this.inFlight.size) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
      await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
      clearTimeout(timer);
    }
  }

  /**
   * Claims and posts what is due now: every active reminder, or one. Called by node-cron at
   * fire times, by the watcher, and at start (`catchUp`). Resolves when the posts are done.
   */
  async runDue(options: { id?: number; catchUp?: boolean } = {}): Promise<void> {
    const poster = this.poster;
    if (!poster) return;
    const now = this.clock.now();
    const candidates =
      options.id === undefined ? this.reminders.active() : [this.reminders.get(options.id)].filter((r) => !!r);
    const posts: Array<Promise<void>> = [];
    for (const reminder of candidates) {
      if (reminder.status !== 'active' || !poster.canDeliver(reminder)) continue;
      const rule = this.rules.get(reminder.id)?.rule;
      const decision = dueFire(reminder, rule, now, this.options.graceMs, options.catchUp === true);
      if (decision.action === 'none') continue;
      if (decision.skippedSince) {
        this.log.warn('reminder: older fires were missed and skipped', {
          id: reminder.id,
          from: decision.skippedSince.toISOString(),
          until: decision.fireTime.toISOString(),
        });
      }
      const late = decision.action === 'post' && decision.late;
      const outcome = decision.action === 'post' ? 'posting' : 'skipped';
      const claimed = this.reminders.claim({
        id: reminder.id,
        fireTime: decision.fireTime,
        claimedAt: now,
        late,
        outcome,
      });
      if (reminder.schedule.kind === 'once' && claimed) this.untrack(reminder.id);
      if (!claimed) continue;
      if (decision.action === 'skip') {
        this.log.warn('reminder: fire older than the grace window, skipped', {
          id: reminder.id,
          fireTime: decision.fireTime.toISOString(),
          graceMinutes: this.options.graceMs / 60_000,
        });
        continue;
      }
      this.log.info('reminder fired', { id: reminder.id, fireTime: decision.fireTime.toISOString(), late });
      posts.push(this.deliver(poster, reminder, decision.fireTime, late));
    }
    await Promise.all(posts);
  }

  private deliver(poster: ReminderPoster, reminder: ReminderRecord, fireTime: Date, late: boolean): Promise<void> {
    const post = reminderPost(reminder, { fireTime, late, test: false }, this.knowledge, this.t);
    const work = poster
      .post(post)
      .then(
        () => {
          this.reminders.settle(reminder.id, fireTime, 'posted');
          this.log.debug('reminder posted', { id: reminder.id, fireTime: fireTime.toISOString() });
        },
        (error: unknown) => {
          const reason = error instanceof PostFailure ? error.reason : { ko: String(error), en: String(error) };
          this.reminders.settle(reminder.id, fireTime, 'failed', JSON.stringify(reason));
          this.log.error('reminder post failed', { id: reminder.id, fireTime: fireTime.toISOString(), error });
        },
      )
      .catch((error: unknown) => {
        this.log.error('reminder: recording the post failed', { id: reminder.id, error });
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return work;
  }

  /** The watcher: other processes' changes (PRAGMA data_version), and a sweep for anything a timer missed. */
  private async watch(): Promise<void> {
    try {
      const version = this.reminders.dataVersion();
      if (version !== this.dataVersion) {
        this.dataVersion = version;
        await this.sync();
      }
      const now = this.clock.now().getTime();
      if (now - this.lastSweep >= SWEEP_EVERY_MS) {
        this.lastSweep = now;
        await this.runDue();
      }
    } catch (error) {
      this.log.error('reminders: watching failed', { error });
    }
  }

  /** Brings the node-cron tasks in line with the file; newly scheduled reminders get a look at once. */
  private async sync(): Promise<void> {
    const active = new Map(this.reminders.active().map((r) => [r.id, r]));
    for (const id of [...this.rules.keys()]) if (!active.has(id)) this.untrack(id);
    const fresh = [...active.values()].filter((r) => this.track(r));
    for (const reminder of fresh) await this.runDue({ id: reminder.id });
  }

  /** Gives the reminder a node-cron task when this process delivers it; true when one was (re)created. */
  private track(reminder: ReminderRecord): boolean {
    if (!this.poster?.canDeliver(reminder) || reminder.status !== 'active') return false;
    const expression =
      reminder.schedule.kind === 'cron'
        ? reminder.schedule.expression
        : onceExpression(reminder.schedule.at, reminder.timezone);
    const key = `${expression}|${reminder.timezone}`;
    if (this.rules.get(reminder.id)?.key === key) return false;
    this.untrack(reminder.id);
    try {
      const rule = new CronRule(expression, reminder.timezone, {
        // node-cron drops a heartbeat later than this; the due check decides what a late one means.
        toleranceMs: Math.max(this.options.graceMs, LATE_AFTER_MS),
        logger: cronLogger(this.log),
      });
      rule.start(() => void this.runDue({ id: reminder.id }));
      this.rules.set(reminder.id, { rule, key });
      return true;
    } catch (error) {
      this.log.error('reminder: cannot schedule', { id: reminder.id, expression, error });
      return false;
    }
  }

  private untrack(id: number): void {
    this.rules.get(id)?.rule.dispose();
    this.rules.delete(id);
  }

  private notInState(reminder: ReminderRecord, action: 'pause' | 'resume'): UserError {
    const state = { active: '켜져', paused: '일시정지되어', done: '이미 끝나' }[reminder.status];
    const stateEn = { active: 'running', paused: 'paused', done: 'done' }[reminder.status];
    return new UserError(`cannot-${action}`, {
      ko: `${withParticle(`#${reminder.id}`, '은/는')} ${state} 있어요.`,
      en: `Reminder #${reminder.id} is already ${stateEn}.`,
    });
  }
}

/** node-cron's own log lines (missed heartbeats, task errors) go to ours, quietly. */
function cronLogger(log: Logger): CronLogger {
  const text = (message: string | Error) => (message instanceof Error ? message.message : message);
  return {
    info: (message) => {
      log.debug(`node-cron: ${message}`);
    },
    warn: (message) => {
      log.debug(`node-cron: ${message}`);
    },
    error: (message, error) => {
      log.warn(`node-cron: ${text(message)}`, error ? { error } : {});
    },
    debug: (message) => {
      log.debug(`node-cron: ${text(message)}`);
    },
  };
}
