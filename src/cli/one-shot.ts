import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { App } from '../app.ts';
import type { Caller } from '../core/context.ts';
import { isUserError, UserError } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import { parseCommandLine, type ParsedLine } from './args.ts';
import { callerWithFlags } from './caller.ts';
import { renderJson, renderText } from './render.ts';

export interface Output {
  out: (text: string) => void;
  color: boolean;
}

/** Runs one command line (or a --batch file of them); returns the process exit code. */
export async function runOneShot(app: App, words: string[], caller: Caller, output: Output): Promise<number> {
  let parsed: ParsedLine;
  try {
    parsed = parseCommandLine(words, app.dispatcher.registry);
  } catch (error) {
    if (!isUserError(error)) throw error;
    const reply: Reply = {
      text: error.messageFor(caller.locale),
      error: { code: error.code, message: error.messageFor(caller.locale) },
    };
    output.out(
      words.includes('--json') ? renderJson(reply) : renderText(reply, { color: false, locale: caller.locale }),
    );
    return 2;
  }
  const who: Caller = callerWithFlags(caller, parsed.flags);
  const render = (reply: Reply) =>
    parsed.flags.json ? renderJson(reply) : renderText(reply, { color: output.color, locale: who.locale });

  if (parsed.flags.batch) return runBatch(app, parsed, parsed.flags.batch, who, output);

  const reply = await app.dispatcher.run(parsed.invocation, who);
  output.out(render(reply));
  return reply.error ? 1 : 0;
}

/**
 * `--batch FILE`: one line of FILE per run, filling the command's free-text option;
 * with --json, one JSON object per line (JSON Lines) with that run's `ms`.
 */
async function runBatch(app: App, parsed: ParsedLine, file: string, caller: Caller, output: Output): Promise<number> {
  const target = app.dispatcher.target(parsed.invocation, caller);
  const textOption = target.options.find((o) => o.type === 'string' && o.rest);
  let lines: string[];
  try {
    if (!textOption)
      throw new UserError('batch-unsupported', {
        ko: '이 명령은 --batch 를 쓸 수 없어요.',
        en: 'This command does not take --batch.',
      });
    lines = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  } catch (error) {
    const message = isUserError(error) ? error.messageFor(caller.locale) : `--batch: ${(error as Error).message}`;
    output.out(parsed.flags.json ? renderJson({ error: { code: 'batch', message } }) : message);
    return 2;
  }
  let failed = 0;
  for (const line of lines) {
    const invocation = { ...parsed.invocation, options: { ...parsed.invocation.options, [textOption.name]: line } };
    const started = performance.now();
    const reply = await app.dispatcher.run(invocation, caller);
    const ms = Math.round((performance.now() - started) * 1000) / 1000;
    if (reply.error) failed++;
    if (parsed.flags.json) {
      const body = reply.error ? { query: line, error: reply.error } : (reply.data as object);
      output.out(JSON.stringify({ ...body, ms }));
    } else {
      output.out(`${renderText(reply, { color: output.color, locale: caller.locale })}\n(${ms} ms)\n`);
    }
  }
  return failed ? 1 : 0;
}
