import { createInterface, type Interface } from 'node:readline';
import type { App } from '../app.ts';
import type { Caller } from '../core/context.ts';
import { isUserError } from '../core/errors.ts';
import { translator } from '../core/locale.ts';
import type { CommandRegistry } from '../core/registry.ts';
import { terminalSafe } from '../core/terminal-text.ts';
import { checkOptionForms, parseCommandLine, type ParsedLine } from './args.ts';
import { callerWithFlags } from './caller.ts';
import { numberedActions, renderJson, renderText, type NumberedAction } from './render.ts';
import { terminalPoster } from './reminder-poster.ts';
import { tokenize } from './tokenize.ts';

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  color: boolean;
  terminal: boolean;
}

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit', ':q']);

/**
 * The interactive console: the same commands as Discord (`/ask 볼륨이 뭐야`, `/help`).
 * A reply's buttons and menu choices are numbered; typing `#2` presses the second.
 */
export function startConsole(app: App, caller: Caller, io: ConsoleIo): { closed: Promise<void>; close(): void } {
  const names = app.dispatcher.registry
    .all('cli')
    .flatMap((c) => [`/${c.name}`, ...(c.nameKo ? [`/${c.nameKo}`] : [])]);
  const rl: Interface = createInterface({
    input: io.input,
    output: io.output,
    terminal: io.terminal,
    completer: (line: string) => {
      const hits = names.filter((n) => n.startsWith(line.trim()));
      return [hits.length ? hits : names, line];
    },
  });
  const write = (text: string) => io.output.write(text + '\n');
  let pressable: NumberedAction[] = [];
  let queue = Promise.resolve();

  const t = translator(caller.locale);
  // Console mode posts reminders to the terminal, above the prompt and what is being typed.
  const scheduler = app.services.scheduler;
  let busy = false;
  const printAbove = (text: string) => {
    if (busy) {
      // A command is answering: the prompt comes back after its reply.
      write(text);
      return;
    }
    io.output.write(io.terminal ? `\r\x1b[K${text}\n` : `\n${text}\n`);
    rl.prompt(true);
  };
  const style = { color: io.color, locale: caller.locale, timeZone: app.services.config.timezone };
  scheduler.start(terminalPoster(printAbove, style)).catch((error: unknown) => {
    app.services.log.error('reminders: could not start', { error });
  });

  write(
    t({
      ko: 'dockhand 콘솔 — 질문을 그냥 입력하거나(볼륨이 뭐야) 명령을 쓰세요(/help). 버튼은 #번호(예: #1)로 누르고, 나가려면 /quit 하세요.',
      en:
        'dockhand console — ask away (what is a volume) or type a command (/help); ' +
        '#N presses a button; /quit to leave.',
    }),
  );
  rl.setPrompt('dockhand> ');
  rl.prompt();

  const handle = async (line: string): Promise<void> => {
    const trimmed = line.trim();
    if (!trimmed) return;
    if (QUIT.has(trimmed)) {
      rl.close();
      return;
    }
    const press = /^#(\d+)$/.exec(trimmed);
    if (press) {
      const action = pressable.find((a) => a.number === Number(press[1]));
      if (!action) {
        write(t({ ko: '그런 번호의 버튼이 없어요.', en: 'No such button.' }));
        return;
      }
      const reply = await app.dispatcher.component(action.customId, action.value ? [action.value] : [], caller);
      pressable = numberedActions(reply.actions ?? []).length ? numberedActions(reply.actions ?? []) : pressable;
      write(renderText(reply, { color: io.color, locale: caller.locale }));
      return;
    }
    try {
      const parsed = parseLine(trimmed, app.dispatcher.registry);
      const who = callerWithFlags(caller, parsed.flags);
      const reply = await app.dispatcher.run(parsed.invocation, who);
      pressable = numberedActions(reply.actions ?? []);
      write(parsed.flags.json ? renderJson(reply) : renderText(reply, { color: io.color, locale: who.locale }));
    } catch (error) {
      write(isUserError(error) ? t(error.localized) : `error: ${terminalSafe((error as Error).message)}`);
    }
  };

  let open = true;
  rl.on('line', (line) => {
    // One line at a time, in order, even when a command is slow.
    queue = queue
      .then(() => {
        busy = true;
        return handle(line);
      })
      .then(() => {
        busy = false;
        // After /quit no prompt: it would wait for input again and keep the process alive.
        if (open) rl.prompt();
      });
  });
  const closed = new Promise<void>((resolve) =>
    rl.on('close', () => {
      open = false;
      void queue.then(() => scheduler.stop()).then(resolve);
    }),
  );
  return {
    closed,
    close: () => {
      rl.close();
    },
  };
}

/**
 * `/ask 볼륨` and `help` are commands; a line without a slash that does not read as one is a
 * question, as members type in a chat: words the command does not take ("docker ps 가 안 돼요"),
 * or a value the command cannot take ("docker logs 어케봐요", "docker ports 확인": no container
 * is named so). With a slash it is always the command, and a mistake says so.
 */
export function parseLine(line: string, registry: CommandRegistry): ParsedLine {
  try {
    const parsed = parseCommandLine(tokenize(line), registry);
    if (!line.startsWith('/')) checkOptionForms(parsed, registry);
    return parsed;
  } catch (error) {
    if (line.startsWith('/') || !isUserError(error)) throw error;
    return { invocation: { name: 'ask', options: { query: line } }, flags: { json: false } };
  }
}
