/**
 * `npm run deploy-commands`: registers the slash commands from commands/ with Discord, to
 * DISCORD_GUILD_ID when set, else globally. Never done at start-up. `--print` shows the JSON
 * without sending it.
 */
import { staleBuildWarning } from '../build-freshness.ts';
import { processConfigOrExit } from '../config.ts';
import { loadCommands } from '../core/registry.ts';
import { COMMANDS_DIR } from '../paths.ts';
import { DeployConfigError, deployCommands, describeDeployError } from './deploy-commands.ts';
import { registrationPayload } from './registration-payload.ts';

async function main(): Promise<number> {
  const config = processConfigOrExit();
  const stale = staleBuildWarning();
  if (stale) process.stderr.write(`deploy-commands: ${stale}\n`);
  const registry = await loadCommands(COMMANDS_DIR);
  const commands = registry.all('discord');
  if (process.argv.includes('--print')) {
    process.stdout.write(JSON.stringify(registrationPayload(commands), null, 2) + '\n');
    return 0;
  }
  try {
    const result = await deployCommands(config.discord, commands);
    const where = result.scope === 'guild' ? `in guild ${result.target}` : 'globally (all servers the bot is in)';
    process.stdout.write(
      `Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write((error instanceof DeployConfigError ? error.message : describeDeployError(error)) + '\n');
    return error instanceof DeployConfigError ? 2 : 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`deploy-commands: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
