/** One-shot CLI: `npm run -s cli -- <command> [options] [--json] [--batch FILE]`. */
import { createApp } from '../app.ts';
import { exitOnSetupError, processConfigOrExit } from '../config.ts';
import { consoleCaller } from './caller.ts';
import { runOneShot } from './one-shot.ts';
import { wantsColor } from './terminal.ts';

async function main(): Promise<number> {
  const config = processConfigOrExit();
  const app = await createApp(config);
  try {
    return await runOneShot(app, process.argv.slice(2), consoleCaller(config.defaultLocale), {
      out: (text) => process.stdout.write(text + '\n'),
      color: wantsColor(),
    });
  } finally {
    await app.close();
  }
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
