import type { APIApplicationCommandOptionChoice } from 'discord.js';
import { fit, LIMITS } from '../limits.ts';

/** Autocomplete choices as Discord takes them: at most 25, names and values of at most 100 characters. */
export function renderChoices(
  choices: ReadonlyArray<{ name: string; value: string }>,
): Array<APIApplicationCommandOptionChoice<string>> {
  return choices.slice(0, LIMITS.autocompleteChoices).map((choice) => ({
    name: fit(choice.name, LIMITS.choiceName),
    value: fit(choice.value, LIMITS.choiceName),
  }));
}
