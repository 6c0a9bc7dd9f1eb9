import { once } from 'node:events';
import { DiscordjsErrorCodes, Events, type Client } from 'discord.js';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import { createDiscordClient } from './client.ts';
import { reportDiscordError } from './errors.ts';
import { DiscordReminderPoster } from './reminder-poster.ts';
import { InteractionRouter } from './router.ts';
import { DISCORD_TIMING } from './timing.ts';

export interface RunningBot {
  /** Finishes in-flight replies, then disconnects. The caller closes the app (store) after. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const SHUTDOWN_GRACE_MS = 10_000;

/** Logs in and answers interactions until stopped. Commands are registered separately (npm run deploy-commands). */
export async function startBot(app: App, config: Config): Promise<RunningBot> {
  const token = config.discord.token;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const log = app.services.log.child({ part: 'discord' });
  const client = createDiscordClient(config.discord);
  const router = new InteractionRouter(app.dispatcher, log, DISCORD_TIMING, Date.now, config.organizerRoleId);

  client.on(Events.InteractionCreate, (interaction) => {
    router.handle(interaction);
  });
  let stopping = false;
  watchConnection(client, log, config.logLevel === 'debug', () => stopping);
  const onUnhandled = (reason: unknown) => {
    reportDiscordError(log, reason, { where: 'unhandled rejection' });
  };
  process.on('unhandledRejection', onUnhandled);

  try {
    const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
    await client.login(token);
    await ready;
  } catch (error) {
    process.off('unhandledRejection', onUnhandled);
    await client.destroy();
    throw new Error(loginFailure(error, config.discord.apiBase), { cause: error });
  }
  log.info('discord: ready', { user: client.user?.tag, guilds: client.guilds.cache.size, api: config.discord.apiBase });
  // Reminders are posted by the connected bot: catch-up of missed fires and timers start now.
  await app.services.scheduler.start(new DiscordReminderPoster(client.rest, config.defaultLocale));

  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        await router.drain(SHUTDOWN_GRACE_MS);
        await app.services.scheduler.stop();
        stopping = true;
        await client.destroy();
        process.off('unhandledRejection', onUnhandled);
        log.info('discord: disconnected');
      })()),
  };
}

function watchConnection(client: Client, log: App['services']['log'], debug: boolean, stopping: () => boolean): void {
  client.on(Events.Error, (error) => {
    reportDiscordError(log, error, { where: 'client' });
  });
  client.on(Events.Warn, (message) => {
    log.warn(`discord: ${message}`);
  });
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (!stopping()) log.warn('discord: gateway disconnected', { shard, code: event.code });
  });
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping()) log.info('discord: gateway reconnecting', { shard });
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    log.info('discord: gateway resumed', { shard, replayed });
  });
  client.rest.on('rateLimited', (info) => {
    log.warn('discord: rate limited', { route: info.route, retryAfter: info.retryAfter, global: info.global });
  });
  if (debug)
    client.on(Events.Debug, (message) => {
      log.debug(`discord.js: ${message}`);
    });
}

function loginFailure(error: unknown, apiBase: string): string {
  const code = (error as { code?: unknown }).code;
  if (code === DiscordjsErrorCodes.TokenInvalid)
    return 'Discord refused DISCORD_TOKEN: check the bot token in the Developer Portal.';
  if ((error as Error).name === 'AbortError')
    return `Discord did not get ready within ${READY_TIMEOUT_MS / 1000} s (API ${apiBase}).`;
  return `Could not connect to Discord (API ${apiBase}): ${(error as Error).message}`;
}
