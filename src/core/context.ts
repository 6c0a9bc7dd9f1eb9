import type { Config } from '../config.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Store } from '../store/store.ts';
import type { DockerService } from '../docker/service.ts';
import type { Scheduler } from '../reminders/scheduler.ts';
import type { QaService } from '../qa/qa-service.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';
import type { Locale, Translate } from './locale.ts';
import type { CommandDefinition, Transport } from './command.ts';

/** Everything a handler may use. Built once at start-up; no Discord, no terminal. */
export interface Services {
  config: Config;
  knowledge: KnowledgeBase;
  store: Store;
  docker: DockerService;
  scheduler: Scheduler;
  /** Questions, members' answers and votes (src/qa). */
  qa: QaService;
  clock: Clock;
  log: Logger;
}

/** Who is asking, and from where. */
export interface Caller {
  id: string;
  name: string;
  locale: Locale;
  transport: Transport;
  guildId?: string | undefined;
  channelId?: string | undefined;
  /** May run organizer-only commands (Discord: Manage Server; console: always). */
  isOrganizer: boolean;
}

export interface CommandContext extends Services {
  caller: Caller;
  /** The commands offered on the caller's transport (for help). */
  commands: CommandDefinition[];
  /** The caller's language: `ctx.t({ ko: '…', en: '…' })`. */
  t: Translate;
  /** Aborted when the transport gives up (shutdown, Discord token window). */
  signal: AbortSignal;
}
