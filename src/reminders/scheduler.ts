import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/logger.ts';

export type Job = (firedAt: Date) => Promise<void> | void;

/** Named cron jobs on node-cron; the reminder service keeps what they are in the store. */
export class Scheduler {
  private readonly tasks = new Map<string, ScheduledTask>();

  constructor(
    private readonly timezone: string,
    private readonly log: Logger,
  ) {}

  static isValid(expression: string): boolean {
    return cron.validate(expression);
  }

  /** Replaces any job of the same id. */
  schedule(id: string, expression: string, job: Job, timezone = this.timezone): void {
    if (!Scheduler.isValid(expression)) throw new Error(`invalid cron expression: ${expression}`);
    this.cancel(id);
    const task = cron.schedule(
      expression,
      async (context) => {
        try {
          await job(context.date);
        } catch (error) {
          this.log.error('scheduled job failed', { id, error });
        }
      },
      { timezone, name: id, noOverlap: true },
    );
    this.tasks.set(id, task);
  }

  cancel(id: string): void {
    const task = this.tasks.get(id);
    if (!task) return;
    void task.destroy();
    this.tasks.delete(id);
  }

  nextRun(id: string): Date | null {
    return this.tasks.get(id)?.getNextRun() ?? null;
  }

  ids(): string[] {
    return [...this.tasks.keys()];
  }

  stopAll(): void {
    for (const id of [...this.tasks.keys()]) this.cancel(id);
  }
}
