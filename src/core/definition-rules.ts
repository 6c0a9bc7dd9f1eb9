import { isGroup, type CommandDefinition, type OptionSpec } from './command.ts';
import type { Localized } from './locale.ts';

// Discord's own limits for application commands, checked before anything is registered.
const NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const LOCALIZED_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;

/** Everything wrong with a definition, as sentences; empty when it is valid. */
export function definitionProblems(command: CommandDefinition): string[] {
  const problems: string[] = [];
  const at = (where: string, message: string) => problems.push(`${where}: ${message}`);
  checkName(command.name, command.nameKo, command.name, at);
  checkDescription(command.description, command.name, at);
  if (command.cooldownSeconds !== undefined && !(command.cooldownSeconds > 0)) {
    at(command.name, 'cooldownSeconds must be positive');
  }
  for (const key of Object.keys(command.components ?? {})) {
    if (!/^[a-z][a-z0-9-]*$/.test(key)) at(command.name, `component key "${key}" must be lowercase ASCII`);
  }
  if (isGroup(command)) {
    if (command.subcommands.length === 0 || command.subcommands.length > MAX_OPTIONS) {
      at(command.name, `needs 1–${MAX_OPTIONS} subcommands`);
    }
    const seen = new Set<string>();
    if (command.defaultSubcommand && !command.subcommands.some((s) => s.name === command.defaultSubcommand)) {
      at(command.name, `defaultSubcommand "${command.defaultSubcommand}" is not one of its subcommands`);
    }
    for (const sub of command.subcommands) {
      const where = `${command.name} ${sub.name}`;
      if (seen.has(sub.name)) at(where, 'duplicate subcommand');
      seen.add(sub.name);
      checkName(sub.name, sub.nameKo, where, at);
      checkDescription(sub.description, where, at);
      checkOptions(sub.options, where, at);
    }
  } else {
    checkOptions(command.options, command.name, at);
  }
  return problems;
}

type At = (where: string, message: string) => void;

function checkName(name: string, nameKo: string | undefined, where: string, at: At): void {
  if (!NAME.test(name)) at(where, `name "${name}" must be 1–32 lowercase ASCII letters, digits, - or _`);
  if (nameKo !== undefined && !LOCALIZED_NAME.test(nameKo))
    at(where, `Korean name "${nameKo}" is not a valid command name`);
}

function checkDescription(text: Localized, where: string, at: At): void {
  for (const locale of ['ko', 'en'] as const) {
    const value = text[locale];
    if (!value || value.length > 100) at(where, `${locale} description must be 1–100 characters`);
  }
}

function checkOptions(options: readonly OptionSpec[], where: string, at: At): void {
  if (options.length > MAX_OPTIONS) at(where, `at most ${MAX_OPTIONS} options`);
  const seen = new Set<string>();
  let optionalSeen = false;
  let restSeen = false;
  for (const option of options) {
    const here = `${where} --${option.name}`;
    if (seen.has(option.name)) at(here, 'duplicate option');
    seen.add(option.name);
    checkName(option.name, option.nameKo, here, at);
    checkDescription(option.description, here, at);
    if (option.required && optionalSeen) at(here, 'required options must come before optional ones (Discord rule)');
    if (option.required && option.transports) at(here, 'a required option must be offered on every transport');
    if (!option.required) optionalSeen = true;
    if (option.type === 'string' && option.rest) {
      if (restSeen) at(here, 'only one option may take the rest of the line');
      restSeen = true;
    }
    if ((option.type === 'string' || option.type === 'integer' || option.type === 'number') && option.choices) {
      if (option.choices.length > MAX_CHOICES) at(here, `at most ${MAX_CHOICES} choices`);
      if (option.type === 'string' && option.autocomplete) at(here, 'choices and autocomplete exclude each other');
    }
  }
}
