/** One-shot CLI: `npm run -s cli -- <command> [options] [--json] [--batch FILE]`. */
import { createApp } from '../app.ts';
import { exitOnSetupError, processConfigOrExit } from '../config.ts';
import { consoleCaller } from './caller.ts';
import { runOneShot } from './one-shot.ts';
import { wantsColor } from './terminal.ts';

async function main(): Promise<number> {
  const config = processConfigOrExit();
  const words = process.argv.slice(2);
  const app = await createApp(config, { command: commandNamed(words) });
  try {
    return await runOneShot(app, words, consoleCaller(config.defaultLocale), {
      out: (text) => process.stdout.write(text + '\n'),
      color: wantsColor(),
    });
  } finally {
    await app.close();
  }
}

/**
 * The command the line runs, so only its module is loaded; none for `help`, which lists them all
 * (a name that is no file, such as a Korean one, loads them all too).
 */
function commandNamed(words: string[]): string | undefined {
  const reader = words.values();
  for (const word of reader) {
    if (word === '--batch' || word === '--locale') reader.next();
    else if (!word.startsWith('--')) {
      const name = word.replace(/^\//, '').toLowerCase();
      return name === 'help' ? undefined : name;
    }
  }
  return undefined;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    exitOnSetupError(error);
    process.stderr.write(`dockhand: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
