import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import {
  isGroup,
  offeredOn,
  type CommandDefinition,
  type OptionSpec,
  type SubcommandDefinition,
} from '../core/command.ts';
import type { Localized } from '../core/locale.ts';

/**
 * The slash-command registration Discord expects, built from the definitions in commands/.
 * Korean is the default text (the study group's language); English members see English.
 */
export function registrationPayload(commands: CommandDefinition[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.filter((command) => offeredOn(command, 'discord')).map(commandJson);
}

function commandJson(command: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    ...names(command.name, command.nameKo),
    ...descriptions(command.description),
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    // null: everyone may use it; organizers can still narrow it in Server Settings › Integrations.
    default_member_permissions: command.organizerOnly ? String(PermissionFlagsBits.ManageGuild) : null,
    options: isGroup(command) ? command.subcommands.map(subcommandJson) : offered(command.options).map(optionJson),
  };
}

function subcommandJson(sub: SubcommandDefinition): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    ...names(sub.name, sub.nameKo),
    ...descriptions(sub.description),
    options: offered(sub.options).map(optionJson),
  };
}

function offered(options: readonly OptionSpec[]): OptionSpec[] {
  return options.filter((option) => offeredOn(option, 'discord'));
}

function optionJson(option: OptionSpec): APIApplicationCommandBasicOption {
  const common = {
    ...names(option.name, option.nameKo),
    ...descriptions(option.description),
    required: option.required ?? false,
  };
  switch (option.type) {
    case 'string':
      return {
        type: ApplicationCommandOptionType.String,
        ...common,
        ...(option.minLength !== undefined ? { min_length: option.minLength } : {}),
        ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
        ...(option.autocomplete
          ? { autocomplete: true }
          : option.choices
            ? { choices: option.choices.map((c) => ({ ...choiceName(c.name), value: c.value })) }
            : {}),
      };
    case 'integer':
    case 'number': {
      const numeric = {
        ...common,
        ...(option.min !== undefined ? { min_value: option.min } : {}),
        ...(option.max !== undefined ? { max_value: option.max } : {}),
        ...(option.choices ? { choices: option.choices.map((c) => ({ ...choiceName(c.name), value: c.value })) } : {}),
      };
      return option.type === 'integer'
        ? { type: ApplicationCommandOptionType.Integer, ...numeric }
        : { type: ApplicationCommandOptionType.Number, ...numeric };
    }
    case 'boolean':
      return { type: ApplicationCommandOptionType.Boolean, ...common };
    case 'attachment':
      return { type: ApplicationCommandOptionType.Attachment, ...common };
    case 'channel':
      return {
        type: ApplicationCommandOptionType.Channel,
        ...common,
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
      };
    case 'role':
      return { type: ApplicationCommandOptionType.Role, ...common };
    case 'user':
      return { type: ApplicationCommandOptionType.User, ...common };
  }
}

function names(name: string, nameKo: string | undefined): { name: string; name_localizations?: LocalizationMap } {
  return { name, ...(nameKo ? { name_localizations: { ko: nameKo } } : {}) };
}

function descriptions(text: Localized): { description: string; description_localizations: LocalizationMap } {
  return { description: text.ko, description_localizations: localized(text) };
}

function choiceName(text: Localized): { name: string; name_localizations: LocalizationMap } {
  return { name: text.ko, name_localizations: localized(text) };
}

function localized(text: Localized): LocalizationMap {
  return { ko: text.ko, 'en-US': text.en, 'en-GB': text.en };
}
