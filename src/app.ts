import type { Config } from './config.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { Services } from './core/context.ts';
import { Dispatcher } from './core/dispatcher.ts';
import { createLogger, type Logger } from './core/logger.ts';
import { loadCommands } from './core/registry.ts';
import { DockerService } from './docker/service.ts';
import { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { formatProblem } from './knowledge/validate.ts';
import { QaService } from './qa/qa-service.ts';
import { COMMANDS_DIR, PROJECT_ROOT } from './paths.ts';
import { Scheduler } from './reminders/scheduler.ts';
import { ReminderRepository } from './store/reminders.ts';
import { Store } from './store/store.ts';

export interface App {
  services: Services;
  dispatcher: Dispatcher;
  /** Stops the reminder scheduler and closes the store; safe to call twice. */
  close(): Promise<void>;
}

export interface AppOptions {
  log?: Logger;
  clock?: Clock;
}

/** Builds the services and the command core shared by every transport. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel);
  const knowledge = KnowledgeBase.load(config.knowledgeDir, PROJECT_ROOT);
  for (const problem of knowledge.problems) log.warn('knowledge problem', { problem: formatProblem(problem) });
  log.debug('knowledge loaded', { docs: knowledge.docs.length, sections: knowledge.sections.length });

  const store = Store.open(config.dbPath);
  const clock = options.clock ?? systemClock;
  const scheduler = new Scheduler({
    reminders: new ReminderRepository(store.db),
    knowledge,
    clock,
    log: log.child({ part: 'reminders' }),
    defaultZone: config.timezone,
    graceMs: config.reminderGraceMinutes * 60_000,
    locale: config.defaultLocale,
  });
  const qa = new QaService({
    db: store.db,
    questions: store.questions,
    knowledge,
    clock,
    timeZone: config.timezone,
  });
  // Members' answers are searched beside the notes (by /ask and search).
  knowledge.addSource(qa.community);
  const services: Services = {
    config,
    knowledge,
    store,
    docker: new DockerService(config.docker, log.child({ part: 'docker' })),
    scheduler,
    qa,
    clock,
    log,
  };
  let registry;
  try {
    registry = await loadCommands(COMMANDS_DIR);
  } catch (error) {
    store.close();
    throw error;
  }
  let closed = false;
  return {
    services,
    dispatcher: new Dispatcher(registry, services),
    close: async () => {
      if (closed) return;
      closed = true;
      await scheduler.stop();
      store.close();
    },
  };
}
