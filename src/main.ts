/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console.
 */
import { createApp } from './app.ts';
import { createLogger } from './core/logger.ts';
import { consoleCaller } from './cli/caller.ts';
import { startConsole } from './cli/console.ts';
import { isTerminal, wantsColor } from './cli/terminal.ts';
import { exitOnSetupError, processConfigOrExit } from './config.ts';
import type { RunningBot } from './discord/bot.ts';

async function main(): Promise<void> {
  const config = processConfigOrExit();
  // A member at the console reads replies, not info logs interleaved with them.
  const quietConsole = !config.discord.token && isTerminal(process.stdin) && !config.logLevelGiven;
  const app = await createApp(config, quietConsole ? { log: createLogger('warn') } : {});
  const log = app.services.log;
  let bot: RunningBot | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    await bot?.stop(); // lets replies in flight finish
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (config.discord.token) {
    const { startBot } = await import('./discord/bot.ts');
    try {
      bot = await startBot(app, config);
    } catch (error) {
      await app.close();
      throw error;
    }
    // Ready; the search index builds now, before the first question is likely to arrive.
    setImmediate(() => {
      app.warm();
    });
    return;
  }

  const repl = startConsole(app, consoleCaller(config.defaultLocale), {
    input: process.stdin,
    output: process.stdout,
    color: wantsColor(),
    terminal: isTerminal(process.stdin),
  });
  // The prompt is up; the search index builds before the first line can arrive.
  setImmediate(() => {
    app.warm();
  });
  await repl.closed;
  await app.close();
}

main().catch((error: unknown) => {
  exitOnSetupError(error);
  process.stderr.write(`dockhand: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
