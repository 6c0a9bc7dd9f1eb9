import type { AttachedFile } from './attachment.ts';
import type { Localized } from './locale.ts';
import type { Reply } from './reply.ts';
import type { CommandContext } from './context.ts';

export type Transport = 'discord' | 'cli';

export interface Choice<T extends string | number> {
  name: Localized;
  value: T;
}

/** Suggests values while the user types (Discord autocomplete, console tab completion). */
export type AutocompleteSource = (
  partial: string,
  ctx: CommandContext,
  /** The other options filled in so far (e.g. the chapter while picking a section). */
  others: Record<string, unknown>,
) => Promise<Array<Choice<string>>> | Array<Choice<string>>;

interface OptionBase<N extends string> {
  name: N;
  description: Localized;
  /** Korean option name shown in Discord (`name_localizations.ko`). */
  nameKo?: string;
  /** More names the console and CLI accept (`--cron` for `schedule`). */
  aliases?: readonly string[];
  required?: boolean;
  /** Where the option is offered; default everywhere (e.g. a local folder only on the CLI). */
  transports?: Transport[];
}

export interface StringOption<N extends string = string> extends OptionBase<N> {
  type: 'string';
  choices?: ReadonlyArray<Choice<string>>;
  minLength?: number;
  maxLength?: number;
  autocomplete?: AutocompleteSource;
  /** Console/CLI: this option takes all remaining words of the line. */
  rest?: boolean;
  /**
   * Checks the value's form (a container name, an image reference) and returns it cleaned, or
   * throws a UserError saying what the option accepts. Run with the other checks, before the
   * handler: the console reads a line whose value fails it as a question, not as the command.
   */
  validate?: (value: string) => string;
}

export interface NumberOption<N extends string = string> extends OptionBase<N> {
  type: 'integer' | 'number';
  choices?: ReadonlyArray<Choice<number>>;
  min?: number;
  max?: number;
}

export interface BooleanOption<N extends string = string> extends OptionBase<N> {
  type: 'boolean';
}

/**
 * A file: an upload in Discord, a path on the console and CLI. The transport fetches or reads it
 * (capped at `maxBytes`) and the handler receives its text and file name.
 */
export interface AttachmentOption<N extends string = string> extends OptionBase<N> {
  type: 'attachment';
  /** Largest file taken, in bytes (default DEFAULT_ATTACHMENT_BYTES, 64 KB). */
  maxBytes?: number;
}

/** A channel, role or member, as its id (Discord: a picker; console/CLI: the id, or `<#id>` / `<@&id>` / `<@id>`). */
export interface MentionableOption<N extends string = string> extends OptionBase<N> {
  type: 'channel' | 'role' | 'user';
}

export type OptionSpec<N extends string = string> =
  StringOption<N> | NumberOption<N> | BooleanOption<N> | AttachmentOption<N> | MentionableOption<N>;

type ValueOf<S> = S extends { type: 'string' | 'channel' | 'role' | 'user' }
  ? string
  : S extends { type: 'integer' | 'number' }
    ? number
    : S extends { type: 'boolean' }
      ? boolean
      : S extends { type: 'attachment' }
        ? AttachedFile
        : never;

/** A coerced option value, as handlers receive it. */
export type OptionValue = string | number | boolean | AttachedFile;

/** The typed options a handler receives, inferred from its option specs. */
export type OptionValues<O extends readonly OptionSpec[]> = {
  [S in O[number] as S['name']]: S extends { required: true } ? ValueOf<S> : ValueOf<S> | undefined;
};

/** Handles a button press or select choice whose custom id starts with `<command>:<action>:`. */
export type ComponentHandler = (args: string[], ctx: CommandContext, selected: string[]) => Promise<Reply> | Reply;

interface Runnable<O extends readonly OptionSpec[]> {
  options: O;
  /**
   * Method syntax on purpose: a command's handler takes its own option types, and the registry
   * holds every command as `LeafCommand` with the general ones. The dispatcher calls it only
   * with values checked against `options` (src/core/options.ts).
   */
  run(options: OptionValues<O>, ctx: CommandContext): Promise<Reply> | Reply;
}

export interface SubcommandDefinition<O extends readonly OptionSpec[] = readonly OptionSpec[]> extends Runnable<O> {
  name: string;
  nameKo?: string;
  description: Localized;
  /** Only organizers may run this subcommand (when the group itself is open to everyone). */
  organizerOnly?: boolean;
}

interface CommandBase {
  /** Lowercase ASCII, the slash-command and CLI name. */
  name: string;
  /** Korean slash-command name (`name_localizations.ko`). */
  nameKo?: string;
  description: Localized;
  /** May take over a second (every Docker call): Discord defers at once. */
  slow?: boolean;
  /** Only organizers (Manage Server) may run it. */
  organizerOnly?: boolean;
  /** Per-user cooldown for expensive commands. */
  cooldownSeconds?: number;
  /** Where the command is offered; default everywhere. */
  transports?: Transport[];
  components?: Record<string, ComponentHandler>;
}

export interface LeafCommand<O extends readonly OptionSpec[] = readonly OptionSpec[]> extends CommandBase, Runnable<O> {
  subcommands?: undefined;
}

export interface GroupCommand extends CommandBase {
  subcommands: SubcommandDefinition[];
  /** Console/CLI: the subcommand run when the first word names none (`ecs web` = `ecs check web`). */
  defaultSubcommand?: string;
  options?: undefined;
  run?: undefined;
}

export type CommandDefinition = LeafCommand | GroupCommand;

/** Declares a command whose handler gets options typed from its specs. */
export function defineCommand<const O extends readonly OptionSpec[]>(
  definition: CommandBase & Runnable<O>,
): LeafCommand<O> {
  return definition;
}

export function defineGroup(
  definition: CommandBase & { subcommands: SubcommandDefinition[]; defaultSubcommand?: string },
): GroupCommand {
  return definition;
}

export function defineSubcommand<const O extends readonly OptionSpec[]>(
  definition: SubcommandDefinition<O>,
): SubcommandDefinition<O> {
  return definition;
}

export function isGroup(command: CommandDefinition): command is GroupCommand {
  return Array.isArray(command.subcommands);
}

/** Whether a command or option is offered on `transport`. */
export function offeredOn(item: { transports?: Transport[] | undefined }, transport: Transport): boolean {
  return !item.transports || item.transports.includes(transport);
}
