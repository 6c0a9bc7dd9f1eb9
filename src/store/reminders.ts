import type { Database, Statement, Transaction } from 'better-sqlite3';

export type ReminderStatus = 'active' | 'paused' | 'done';
/** `posting`: claimed, the post is on its way (a crash leaves it so: it is never retried). */
export type FireOutcome = 'posting' | 'posted' | 'failed' | 'skipped';

export type StoredSchedule = { kind: 'cron'; expression: string } | { kind: 'once'; at: Date };

export interface NewReminder {
  schedule: StoredSchedule;
  /** What the organizer typed ("매주 수요일 20:00"). */
  scheduleInput: string;
  timezone: string;
  message: string;
  guildId?: string | undefined;
  channelId?: string | undefined;
  roleId?: string | undefined;
  chapter?: number | undefined;
  createdAt: Date;
  createdBy: string;
  createdByName: string;
}

export interface FireRecord {
  fireTime: Date;
  claimedAt: Date;
  outcome: FireOutcome;
  late: boolean;
  detail?: string | undefined;
}

export interface ReminderRecord extends NewReminder {
  id: number;
  status: ReminderStatus;
  /** Fire times at or before this are never posted (set at creation and on resume). */
  activeSince: Date;
  /** The last fire time claimed (posted, failed or skipped). */
  lastFireAt?: Date | undefined;
  lastFire?: FireRecord | undefined;
}

export interface FireClaim {
  id: number;
  fireTime: Date;
  claimedAt: Date;
  late: boolean;
  /** `posting` to post it, `skipped` to record a fire older than the grace window. */
  outcome: 'posting' | 'skipped';
}

interface ReminderRow {
  id: number;
  kind: 'cron' | 'once';
  expression: string | null;
  fire_at: string | null;
  schedule_input: string;
  timezone: string;
  message: string;
  guild_id: string | null;
  channel_id: string | null;
  role_id: string | null;
  chapter: number | null;
  status: ReminderStatus;
  active_since: string;
  last_fire_at: string | null;
  created_at: string;
  created_by: string;
  created_by_name: string;
  f_claimed_at: string | null;
  f_outcome: FireOutcome | null;
  f_late: number | null;
  f_detail: string | null;
}

interface FireRow {
  fire_time: string;
  claimed_at: string;
  outcome: FireOutcome;
  late: number;
  detail: string | null;
}

const SELECT = `
  SELECT r.*, f.claimed_at AS f_claimed_at, f.outcome AS f_outcome, f.late AS f_late, f.detail AS f_detail
  FROM reminders r LEFT JOIN reminder_fires f ON f.reminder_id = r.id AND f.fire_time = r.last_fire_at`;

/**
 * Reminders and every fire claimed for them. Times are ISO strings (UTC, fixed width), so SQL
 * compares them in order. A fire is claimed by moving `last_fire_at` forward in the same
 * transaction that records it: whichever process claims first posts, any other sees nothing to do.
 */
export class ReminderRepository {
  private readonly insert: Statement;
  private readonly byId: Statement<[number], ReminderRow>;
  private readonly all: Statement<[], ReminderRow>;
  private readonly inGuild: Statement<[string], ReminderRow>;
  private readonly activeRows: Statement<[], ReminderRow>;
  private readonly pauseRow: Statement<[number]>;
  private readonly resumeRow: Statement<[string, number]>;
  private readonly deleteRow: Statement<[number]>;
  private readonly advance: Statement;
  private readonly recordFire: Statement;
  private readonly settleFire: Statement;
  private readonly fireRows: Statement<[number, number], FireRow>;
  private readonly claimTransaction: Transaction<(claim: FireClaim) => boolean>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(`
      INSERT INTO reminders (kind, expression, fire_at, schedule_input, timezone, message, guild_id, channel_id, role_id,
                             chapter, status, active_since, created_at, created_by, created_by_name)
      VALUES (@kind, @expression, @fireAt, @scheduleInput, @timezone, @message, @guildId, @channelId, @roleId,
              @chapter, 'active', @createdAt, @createdAt, @createdBy, @createdByName)`);
    this.byId = db.prepare(`${SELECT} WHERE r.id = ?`);
    this.all = db.prepare(`${SELECT} ORDER BY r.id`);
    this.inGuild = db.prepare(`${SELECT} WHERE r.guild_id = ? ORDER BY r.id`);
    this.activeRows = db.prepare(`${SELECT} WHERE r.status = 'active' ORDER BY r.id`);
    this.pauseRow = db.prepare(`UPDATE reminders SET status = 'paused' WHERE id = ? AND status = 'active'`);
    this.resumeRow = db.prepare(
      `UPDATE reminders SET status = 'active', active_since = ? WHERE id = ? AND status = 'paused'`,
    );
    this.deleteRow = db.prepare('DELETE FROM reminders WHERE id = ?');
    this.advance = db.prepare(`
      UPDATE reminders
      SET last_fire_at = @fireTime, status = CASE WHEN kind = 'once' THEN 'done' ELSE status END
      WHERE id = @id AND status = 'active' AND active_since < @fireTime
        AND (last_fire_at IS NULL OR last_fire_at < @fireTime)`);
    this.recordFire = db.prepare(`
      INSERT INTO reminder_fires (reminder_id, fire_time, claimed_at, outcome, late)
      VALUES (@id, @fireTime, @claimedAt, @outcome, @late)`);
    this.settleFire = db.prepare(
      'UPDATE reminder_fires SET outcome = @outcome, detail = @detail WHERE reminder_id = @id AND fire_time = @fireTime',
    );
    this.fireRows = db.prepare(
      'SELECT fire_time, claimed_at, outcome, late, detail FROM reminder_fires WHERE reminder_id = ? ORDER BY fire_time DESC LIMIT ?',
    );
    this.claimTransaction = db.transaction((claim: FireClaim) => {
      const params = { id: claim.id, fireTime: claim.fireTime.toISOString() };
      if (this.advance.run(params).changes !== 1) return false;
      this.recordFire.run({
        ...params,
        claimedAt: claim.claimedAt.toISOString(),
        outcome: claim.outcome,
        late: claim.late ? 1 : 0,
      });
      return true;
    });
  }

  add(reminder: NewReminder): ReminderRecord {
    const { schedule } = reminder;
    const result = this.insert.run({
      kind: schedule.kind,
      expression: schedule.kind === 'cron' ? schedule.expression : null,
      fireAt: schedule.kind === 'once' ? schedule.at.toISOString() : null,
      scheduleInput: reminder.scheduleInput,
      timezone: reminder.timezone,
      message: reminder.message,
      guildId: reminder.guildId ?? null,
      channelId: reminder.channelId ?? null,
      roleId: reminder.roleId ?? null,
      chapter: reminder.chapter ?? null,
      createdAt: reminder.createdAt.toISOString(),
      createdBy: reminder.createdBy,
      createdByName: reminder.createdByName,
    });
    const saved = this.get(Number(result.lastInsertRowid));
    if (!saved) throw new Error('reminder vanished right after it was saved');
    return saved;
  }

  get(id: number): ReminderRecord | undefined {
    const row = this.byId.get(id);
    return row ? toRecord(row) : undefined;
  }

  /** Every reminder, or only one guild's. */
  list(guildId?: string): ReminderRecord[] {
    return (guildId === undefined ? this.all.all() : this.inGuild.all(guildId)).map(toRecord);
  }

  active(): ReminderRecord[] {
    return this.activeRows.all().map(toRecord);
  }

  /** Active → paused; false when it was not active. */
  pause(id: number): boolean {
    return this.pauseRow.run(id).changes === 1;
  }

  /** Paused → active from `now` on (fires missed while paused are never posted); false when it was not paused. */
  resume(id: number, now: Date): boolean {
    return this.resumeRow.run(now.toISOString(), id).changes === 1;
  }

  remove(id: number): boolean {
    return this.deleteRow.run(id).changes === 1;
  }

  /**
   * Claims one fire: moves `last_fire_at` forward and records the fire, in one IMMEDIATE
   * transaction (the write lock is taken first, so two processes never both read the old value).
   * False when the reminder is gone, not active, resumed after that time, or the fire (or a
   * later one) was already claimed. A one-off is done with its fire.
   */
  claim(claim: FireClaim): boolean {
    return this.claimTransaction.immediate(claim);
  }

  /** The post's result for a claimed fire. */
  settle(id: number, fireTime: Date, outcome: 'posted' | 'failed', detail?: string): void {
    this.settleFire.run({ id, fireTime: fireTime.toISOString(), outcome, detail: detail ?? null });
  }

  fires(id: number, limit = 20): FireRecord[] {
    return this.fireRows.all(id, limit).map((row) => ({
      fireTime: new Date(row.fire_time),
      claimedAt: new Date(row.claimed_at),
      outcome: row.outcome,
      late: row.late === 1,
      detail: row.detail ?? undefined,
    }));
  }

  /** Changes whenever another connection (another process) commits to the file. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
}

function toRecord(row: ReminderRow): ReminderRecord {
  const schedule: StoredSchedule =
    row.kind === 'cron'
      ? { kind: 'cron', expression: row.expression ?? '' }
      : { kind: 'once', at: new Date(row.fire_at ?? 0) };
  return {
    id: row.id,
    schedule,
    scheduleInput: row.schedule_input,
    timezone: row.timezone,
    message: row.message,
    guildId: row.guild_id ?? undefined,
    channelId: row.channel_id ?? undefined,
    roleId: row.role_id ?? undefined,
    chapter: row.chapter ?? undefined,
    status: row.status,
    activeSince: new Date(row.active_since),
    lastFireAt: row.last_fire_at ? new Date(row.last_fire_at) : undefined,
    lastFire:
      row.last_fire_at && row.f_outcome && row.f_claimed_at
        ? {
            fireTime: new Date(row.last_fire_at),
            claimedAt: new Date(row.f_claimed_at),
            outcome: row.f_outcome,
            late: row.f_late === 1,
            detail: row.f_detail ?? undefined,
          }
        : undefined,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
  };
}
