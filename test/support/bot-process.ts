import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A dockhand process started the way users start it (`node dist/main.js`: a built entry point; a
 * `.ts` script runs through tsx), with its output kept.
 */
export class ScriptProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;

  constructor(script: string, env: Record<string, string>, nodeArgs: readonly string[] = []) {
    const args = [...nodeArgs, ...(script.endsWith('.ts') ? ['--import', 'tsx', script] : [script])];
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_DIR,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        resolve({ code, signal });
      });
    });
  }

  /** Resolves with the first stderr line matching `pattern` (dockhand logs there), or rejects after `timeoutMs`. */
  async waitForLog(pattern: RegExp, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.stderr.split('\n').find((l) => pattern.test(l));
      if (line) return line;
      if (this.child.exitCode !== null)
        throw new Error(`process exited (${this.child.exitCode}) before logging ${pattern}:\n${this.stderr}`);
      if (Date.now() > deadline)
        throw new Error(`no log line matching ${pattern} within ${timeoutMs} ms:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends `signal` and waits for the exit; kills it hard if it does not exit within `timeoutMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** What `npm start` runs (package.json), as a script and the node flags before it. */
export function npmStart(): { script: string; nodeArgs: string[] } {
  const manifest = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [node, ...args] = manifest.scripts.start.split(/\s+/);
  const script = args.pop();
  if (node !== 'node' || !script)
    throw new Error(`npm start is not "node [flags] <script>": ${manifest.scripts.start}`);
  return { script, nodeArgs: args };
}

/** Runs a script to completion. */
export async function runScript(
  script: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ScriptProcess & { exit: Exit }> {
  const run = new ScriptProcess(script, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  const exit = await run.exited;
  clearTimeout(timer);
  return Object.assign(run, { exit });
}

/** The environment that points dockhand at an emulated Discord (test/discord-emulator). */
export function emulatorEnv(
  discord: { apiBase: string; applicationId: string; world: { guild: { id: string } } },
  token: string,
  dbPath: string,
): Record<string, string> {
  return {
    DISCORD_TOKEN: token,
    DISCORD_API_BASE: discord.apiBase,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_GUILD_ID: discord.world.guild.id,
    DOCKHAND_DB: dbPath,
    LOG_LEVEL: 'info',
  };
}

/** `npm run deploy-commands` as members run it (the build), failing with its output. */
export async function deployCommandsWith(env: Record<string, string>): Promise<void> {
  const deploy = await runScript('dist/deploy-commands.js', env);
  if (deploy.exit.code !== 0) throw new Error(`deploy-commands failed:\n${deploy.stderr}`);
}

/** The bot as `npm start` starts it, once it logs READY, and how long that took (seconds). */
export async function startedBot(env: Record<string, string>): Promise<{ bot: ScriptProcess; readySeconds: number }> {
  const started = performance.now();
  const { script, nodeArgs } = npmStart();
  const bot = new ScriptProcess(script, env, nodeArgs);
  try {
    await bot.waitForLog(/discord: ready/, 60_000);
  } catch (error) {
    await bot.stop('SIGKILL');
    throw error;
  }
  return { bot, readySeconds: (performance.now() - started) / 1000 };
}
