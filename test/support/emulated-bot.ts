import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordEmulator } from '../discord-emulator/emulator.ts';
import { deployCommandsWith, emulatorEnv, ScriptProcess } from './bot-process.ts';

export interface EmulatedBot {
  discord: DiscordEmulator;
  bot: ScriptProcess;
  /** Kills the bot, stops the emulator and removes the bot's database folder. */
  stop(): Promise<void>;
}

/**
 * The bot (`src/main.ts`) against a fresh Discord emulator, with a database of its own and the
 * commands deployed as `npm run deploy-commands` deploys them, once it logs READY.
 */
export async function startEmulatedBot(token: string, name: string): Promise<EmulatedBot> {
  const dir = mkdtempSync(join(tmpdir(), `dockhand-${name}-`));
  const discord = await DiscordEmulator.start({ token, heartbeatIntervalMs: 1_000 });
  let bot: ScriptProcess | undefined;
  const stop = async (): Promise<void> => {
    await bot?.stop('SIGKILL');
    await discord.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const env = emulatorEnv(discord, token, join(dir, 'dockhand.db'));
    await deployCommandsWith(env);
    bot = new ScriptProcess('src/main.ts', env);
    await bot.waitForLog(/discord: ready/, 45_000);
    return { discord, bot, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
