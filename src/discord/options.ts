import type { AutocompleteInteraction, ChatInputCommandInteraction, CommandInteractionOption } from 'discord.js';
import type { OptionSpec } from '../core/command.ts';
import { attachmentValue, DISCORD_CDN_ORIGINS } from './attachments.ts';

type WithOptions = ChatInputCommandInteraction | AutocompleteInteraction;

export function subcommandOf(interaction: WithOptions): string | undefined {
  return interaction.options.getSubcommand(false) ?? undefined;
}

/**
 * The option values as the definition names them. Options Discord sent that the definition
 * does not know (a stale registration) are passed on too, so the core can say so instead of
 * silently ignoring them. Uploaded files become pending values, fetched from `attachmentOrigins` only.
 */
export function readOptions(
  interaction: WithOptions,
  specs: readonly OptionSpec[],
  attachmentOrigins: () => string[] = () => DISCORD_CDN_ORIGINS,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const spec of specs) {
    const option = interaction.options.get(spec.name);
    if (spec.type === 'attachment' && option?.attachment) {
      values[spec.name] = attachmentValue(option.attachment, spec, attachmentOrigins());
    } else if (option?.value !== undefined) values[spec.name] = option.value;
  }
  for (const option of leafOptions(interaction.options.data)) {
    if (!(option.name in values) && option.value !== undefined) values[option.name] = option.value;
  }
  return values;
}

/** For autocomplete: the option being typed, and the others filled in so far. */
export function focusedOption(interaction: AutocompleteInteraction): {
  name: string;
  partial: string;
  others: Record<string, unknown>;
} {
  const focused = interaction.options.getFocused(true);
  const others: Record<string, unknown> = {};
  for (const option of leafOptions(interaction.options.data)) {
    if (option.name !== focused.name && option.value !== undefined) others[option.name] = option.value;
  }
  return { name: focused.name, partial: focused.value, others };
}

/** Options below any subcommand (group) level. */
function leafOptions(options: readonly CommandInteractionOption[]): CommandInteractionOption[] {
  return options.flatMap((option) => (option.options ? leafOptions(option.options) : [option]));
}
