import { DiscordAPIError, REST, Routes } from 'discord.js';
import type { Config } from '../config.ts';
import type { CommandDefinition } from '../core/command.ts';
import { registrationPayload } from './registration-payload.ts';

export interface DeployResult {
  scope: 'guild' | 'global';
  target: string;
  names: string[];
}

/** Missing settings, named so the member fixing `.env` knows where to look. */
export class DeployConfigError extends Error {}

/**
 * Replaces the application's slash commands with the definitions: in one guild when
 * DISCORD_GUILD_ID is set (shown at once), otherwise globally.
 */
export async function deployCommands(discord: Config['discord'], commands: CommandDefinition[]): Promise<DeployResult> {
  if (!discord.token) {
    throw new DeployConfigError(
      'DISCORD_TOKEN is not set: put the bot token in .env (Developer Portal › your app › Bot › Reset Token).',
    );
  }
  if (!discord.applicationId) {
    throw new DeployConfigError(
      'DISCORD_APPLICATION_ID is not set: put the application id in .env ' +
        '(Developer Portal › your app › General Information › Application ID).',
    );
  }
  const body = registrationPayload(commands);
  const rest = new REST({ api: discord.apiBase }).setToken(discord.token);
  const route = discord.guildId
    ? Routes.applicationGuildCommands(discord.applicationId, discord.guildId)
    : Routes.applicationCommands(discord.applicationId);
  const registered = (await rest.put(route, { body })) as Array<{ name: string }>;
  return {
    scope: discord.guildId ? 'guild' : 'global',
    target: discord.guildId ?? discord.applicationId,
    names: registered.map((c) => c.name),
  };
}

/** One readable paragraph for a refused registration (Invalid Form Body lists every bad field). */
export function describeDeployError(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    const details = 'errors' in error.rawError ? `\n${JSON.stringify(error.rawError.errors, null, 2)}` : '';
    const hint =
      error.status === 401
        ? ' (is DISCORD_TOKEN the bot token of this application?)'
        : error.status === 403 || error.code === 50001
          ? ' (is the bot in that guild, invited with the applications.commands scope?)'
          : '';
    return `Discord refused the registration: ${error.status} ${error.code} ${error.message}${hint}${details}`;
  }
  return `Could not register the commands: ${(error as Error).message}`;
}
