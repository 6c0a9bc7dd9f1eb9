import type { OptionSpec } from '../core/command.ts';
import { isGroup } from '../core/command.ts';
import type { Invocation } from '../core/dispatcher.ts';
import { UserError } from '../core/errors.ts';
import type { Locale } from '../core/locale.ts';
import type { CommandRegistry } from '../core/registry.ts';
import { localFileValue } from './local-file.ts';

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
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (literal) rest.push(word);
    else if (word === '--') {
      literal = true;
      rest.push(word);
    } else if (word === '--json') flags.json = true;
    else if (word === '--batch' || word.startsWith('--batch=')) {
      flags.batch = valueAt(words, i, '--batch');
      if (!word.includes('=')) i++;
    } else if (word === '--locale' || word.startsWith('--locale=')) {
      flags.locale = localeOf(valueAt(words, i, '--locale'));
      if (!word.includes('=')) i++;
    } else if (word === '--user' || word.startsWith('--user=')) {
      flags.user = userOf(valueAt(words, i, '--user'));
      if (!word.includes('=')) i++;
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

function assignOptions(tokens: string[], specs: readonly OptionSpec[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const positional: string[] = [];
  const byName = new Map(specs.flatMap((s) => [s.name, ...(s.aliases ?? [])].map((name) => [name, s] as const)));
  const takesText = specs.some((s) => s.type === 'string' && s.rest);
  let literal = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (literal) {
      positional.push(token);
      continue;
    }
    if (token === '--') {
      literal = true;
      continue;
    }
    const long = /^--([a-z][a-z0-9_-]*)(?:=(.*))?$/s.exec(token);
    const named = long
      ? (byName.get(long[1]!) ?? (long[1]!.startsWith('no-') ? negated(byName, long[1]!) : undefined))
      : undefined;
    if (long && named) {
      if (named.type === 'boolean') {
        options[named.name] = long[2] ?? !long[1]!.startsWith('no-');
      } else {
        options[named.name] = long[2] ?? valueAt(tokens, i++, `--${named.name}`);
      }
      continue;
    }
    const colon = /^([a-z][a-z0-9_-]*):(.*)$/s.exec(token);
    const byColon = colon?.[1] ? byName.get(colon[1]) : undefined;
    if (colon && byColon) {
      options[byColon.name] = colon[2];
      continue;
    }
    if (token.startsWith('-') && token.length > 1 && !/^-\d/.test(token) && !takesText) {
      const names = specs.map((s) => `--${s.name}`).join(', ') || '(none)';
      throw new UserError('unknown-option', {
        ko: `알 수 없는 옵션 \`${token}\`이에요. 쓸 수 있는 옵션: ${names}`,
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

function negated(byName: Map<string, OptionSpec>, flag: string): OptionSpec | undefined {
  const spec = byName.get(flag.slice(3));
  return spec?.type === 'boolean' ? spec : undefined;
}

/** The value of the flag at `index`: after `=`, or the next word. */
function valueAt(words: string[], index: number, flag: string): string {
  const word = words[index]!;
  const eq = word.indexOf('=');
  if (eq > 0) return word.slice(eq + 1);
  const next = words[index + 1];
  if (next === undefined) {
    throw new UserError('missing-value', { ko: `${flag} 다음에 값이 필요해요.`, en: `${flag} needs a value.` });
  }
  return next;
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
