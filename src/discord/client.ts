import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The discord.js client: the Guilds intent only (no privileged intents), REST through
 * `DISCORD_API_BASE` (the gateway URL then comes from GET /gateway/bot through it), and
 * mentions parsed nowhere unless a reply says otherwise.
 */
export function createDiscordClient(discord: Config['discord']): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: discord.apiBase },
    allowedMentions: { parse: [] },
    // Interactions carry everything we need; dockhand never reads channel messages.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
  });
}
