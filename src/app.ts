import { dirname, join } from 'node:path';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { Services } from './core/context.ts';
import { Dispatcher } from './core/dispatcher.ts';
import { createLogger, type Logger } from './core/logger.ts';
import { staleBuildWarning } from './build-freshness.ts';
import { loadCommands } from './core/registry.ts';
import { DockerService } from './docker/service.ts';
import { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { formatProblem } from './knowledge/validate.ts';
import { QaService } from './qa/qa-service.ts';
import { COMMANDS_DIR, PROJECT_ROOT } from './paths.ts';
import { Scheduler } from './reminders/scheduler.ts';
import { ReminderRepository } from './store/reminders.ts';
import { Store } from './store/store.ts';

/** The parsed knowledge, kept beside the database (a built dockhand only; see src/knowledge/cache.ts). */
const KNOWLEDGE_CACHE_FILE = 'knowledge-cache.json';

export interface App {
  services: Services;
  dispatcher: Dispatcher;
  /** Builds what the first answer needs (the search index) now; call when the process is idle. */
  warm: () => void;
  /** Stops the reminder scheduler and closes the store; safe to call twice. */
  close: () => Promise<void>;
}

export interface AppOptions {
  log?: Logger;
  clock?: Clock;
  /** The one command this process runs (the one-shot CLI): only its module is loaded (see loadCommands). */
  command?: string | undefined;
}

/** Builds the services and the command core shared by every transport. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel);
  const stale = staleBuildWarning();
  if (stale) log.warn(stale);
  // The store first: it checks DOCKHAND_DB and makes the data folder the knowledge cache lives in.
  const store = Store.open(config.dbPath);
  const cacheFile = config.dbPath === ':memory:' ? undefined : join(dirname(config.dbPath), KNOWLEDGE_CACHE_FILE);
  const knowledge = KnowledgeBase.loadCached(config.knowledgeDir, PROJECT_ROOT, cacheFile);
  for (const problem of knowledge.problems) log.warn('knowledge problem', { problem: formatProblem(problem) });
  log.debug('knowledge loaded', { docs: knowledge.docs.length, sections: knowledge.sections.length });

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
    registry = await loadCommands(COMMANDS_DIR, options.command);
  } catch (error) {
    store.close();
    throw error;
  }
  let closed = false;
  return {
    services,
    dispatcher: new Dispatcher(registry, services),
    warm: () => {
      knowledge.warm();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await scheduler.stop();
      store.close();
    },
  };
}
