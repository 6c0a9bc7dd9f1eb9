import type { OptionSpec } from '../core/command.ts';
import { isGroup } from '../core/command.ts';
import type { Invocation } from '../core/dispatcher.ts';
import { UserError } from '../core/errors.ts';
import type { Locale } from '../core/locale.ts';
import type { CommandRegistry } from '../core/registry.ts';
import { localFileValue } from './local-file.ts';
import { withParticle } from '../core/korean-particles.ts';

export interface OutputFlags {
  json: boolean;
  batch?: string;
  locale?: Locale;
  /** `--user <id>`: run as that member (scripts and tests acting for several people). */
  user?: string;
}

export interface ParsedLine {
  invocation: Invocation;
  flags: OutputFlags;
}

/**
 * Reads `<command> [subcommand] [words…] [--option value] [option:value]` by the command's
 * own definition. Words that look like flags but are not options (`-p`, `--from`) stay
 * part of the text when the command takes free text, so `ask -p 8080:80 의미` works.
 */
export function parseCommandLine(words: string[], registry: CommandRegistry): ParsedLine {
  const flags: OutputFlags = { json: false };
  const rest: string[] = [];
  let literal = false;
  const reader = words.values();
  for (const word of reader) {
    if (literal) rest.push(word);
    else if (word === '--') {
      literal = true;
      rest.push(word);
    } else if (word === '--json') flags.json = true;
    else if (word === '--batch' || word.startsWith('--batch=')) flags.batch = flagValue(word, reader, '--batch');
    else if (word === '--locale' || word.startsWith('--locale=')) {
      flags.locale = localeOf(flagValue(word, reader, '--locale'));
    } else if (word === '--user' || word.startsWith('--user=')) {
      flags.user = userOf(flagValue(word, reader, '--user'));
    } else rest.push(word);
  }

  const [name, ...afterName] = rest;
  if (!name || name === '--') {
    throw new UserError('no-command', {
      ko: '명령을 입력해 주세요. 예: ask 볼륨이 뭐야',
      en: 'Type a command, e.g. ask what is a volume',
    });
  }
  const command = registry.find(name, 'cli');
  let subcommand: string | undefined;
  let tokens = afterName;
  if (isGroup(command)) {
    const first = afterName[0];
    const named = command.subcommands.some((s) => s.name === first || s.nameKo === first);
    if (!named && first !== undefined && command.defaultSubcommand) subcommand = command.defaultSubcommand;
    else {
      subcommand = first;
      tokens = afterName.slice(1);
    }
  }
  const target = registry.resolve(name, subcommand, 'cli');
  return {
    invocation: {
      name: target.command.name,
      subcommand: target.subcommand,
      options: assignOptions(tokens, target.options),
    },
    flags,
  };
}

/**
 * Checks the form of the values the line gave (a container name, an image reference: the
 * options' own `validate`) and throws the option's UserError when one is not what it accepts.
 * The console reads such a line as a question: `docker logs 어케봐요` asks how to read logs, it
 * names no container. (The dispatcher runs the same checks; a missing option is left to it.)
 */
export function checkOptionForms(parsed: ParsedLine, registry: CommandRegistry): void {
  const { name, subcommand, options } = parsed.invocation;
  const target = registry.resolve(name, subcommand, 'cli');
  for (const spec of target.options) {
    const value = options[spec.name];
    if (spec.type === 'string' && spec.validate && typeof value === 'string' && value !== '') spec.validate(value);
  }
}

const OPTION_NAME = /^[a-z][a-z0-9_-]*$/;

function assignOptions(tokens: string[], specs: readonly OptionSpec[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const positional: string[] = [];
  const byName = new Map(specs.flatMap((s) => [s.name, ...(s.aliases ?? [])].map((name) => [name, s] as const)));
  const takesText = specs.some((s) => s.type === 'string' && s.rest);
  let literal = false;

  const reader = tokens.values();
  for (const token of reader) {
    if (literal) {
      positional.push(token);
      continue;
    }
    if (token === '--') {
      literal = true;
      continue;
    }
    const long = longFlag(token);
    const named = long && (byName.get(long.name) ?? negated(byName, long.name));
    if (long && named) {
      if (named.type === 'boolean') options[named.name] = long.inline ?? !long.name.startsWith('no-');
      else options[named.name] = long.inline ?? flagValue(token, reader, `--${named.name}`);
      continue;
    }
    const colon = token.indexOf(':');
    const key = token.slice(0, colon);
    const byColon = colon > 0 && OPTION_NAME.test(key) ? byName.get(key) : undefined;
    if (byColon) {
      options[byColon.name] = token.slice(colon + 1);
      continue;
    }
    if (token.startsWith('-') && token.length > 1 && !/^-\d/.test(token) && !takesText) {
      const names = specs.map((s) => `--${s.name}`).join(', ') || '(none)';
      throw new UserError('unknown-option', {
        ko: `알 수 없는 옵션 ${withParticle(`\`${token}\``, '이에요/예요')}. 쓸 수 있는 옵션: ${names}`,
        en: `Unknown option \`${token}\`. Options: ${names}`,
      });
    }
    positional.push(token);
  }

  const open = specs.filter((s) => s.type !== 'boolean' && options[s.name] === undefined);
  for (const spec of open) {
    if (positional.length === 0) break;
    if (spec.type === 'string' && spec.rest) {
      options[spec.name] = positional.splice(0).join(' ');
      break;
    }
    options[spec.name] = positional.shift();
  }
  if (positional.length > 0) {
    throw new UserError('extra-words', {
      ko: `남는 입력이 있어요: ${positional.join(' ')}`,
      en: `Unexpected extra input: ${positional.join(' ')}`,
    });
  }
  // A file option names a path here; the file is read when the command runs.
  for (const spec of specs) {
    const value = options[spec.name];
    if (spec.type === 'attachment' && typeof value === 'string' && value !== '') {
      options[spec.name] = localFileValue(value, spec);
    }
  }
  return options;
}

/** `--name` or `--name=value`. */
function longFlag(token: string): { name: string; inline: string | undefined } | undefined {
  if (!token.startsWith('--')) return undefined;
  const body = token.slice(2);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  return OPTION_NAME.test(name) ? { name, inline: eq < 0 ? undefined : body.slice(eq + 1) } : undefined;
}

/** `--no-<name>` for a boolean option `<name>`. */
function negated(byName: Map<string, OptionSpec>, flag: string): OptionSpec | undefined {
  const spec = flag.startsWith('no-') ? byName.get(flag.slice(3)) : undefined;
  return spec?.type === 'boolean' ? spec : undefined;
}

/** The value of a flag: after its `=`, or the next word (taken from `rest`). */
function flagValue(word: string, rest: Iterator<string>, flag: string): string {
  const eq = word.indexOf('=');
  if (eq > 0) return word.slice(eq + 1);
  const next = rest.next();
  if (next.done) {
    throw new UserError('missing-value', { ko: `${flag} 다음에 값이 필요해요.`, en: `${flag} needs a value.` });
  }
  return next.value;
}

/** A member id as Discord writes it, or any short id without spaces (`u-7`, `console:minji`). */
function userOf(value: string): string {
  const id = /^<@!?(\d{17,20})>$/.exec(value.trim())?.[1] ?? value.trim();
  if (/^[^\s<>]{1,64}$/.test(id)) return id;
  throw new UserError('invalid-user', {
    ko: '--user 다음에는 사용자 ID를 주세요 (예: 123456789012345678).',
    en: '--user takes a user id (e.g. 123456789012345678).',
  });
}

function localeOf(value: string): Locale {
  if (value === 'ko' || value === 'en') return value;
  throw new UserError('invalid-locale', { ko: '--locale 은 ko 또는 en 이에요.', en: '--locale must be ko or en.' });
}
