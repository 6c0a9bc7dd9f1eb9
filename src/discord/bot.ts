import type { App } from '../app.ts';
import type { Config } from '../config.ts';

export interface RunningBot {
  stop(): Promise<void>;
}

/** The Discord transport arrives with its own issue; until then a token is refused clearly. */
export async function startBot(_app: App, _config: Config): Promise<RunningBot> {
  throw new Error('The Discord transport is not built yet: unset DISCORD_TOKEN to use the local console.');
}
