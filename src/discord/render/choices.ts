import type { APIApplicationCommandOptionChoice } from 'discord.js';
import { fit, LIMITS } from '../limits.ts';

/**
 * Autocomplete choices as Discord takes them: at most 25, names and values of 1–100 characters
 * (an empty one would make Discord refuse them all).
 */
export function renderChoices(
  choices: ReadonlyArray<{ name: string; value: string }>,
): Array<APIApplicationCommandOptionChoice<string>> {
  const usable = choices.filter((choice) => choice.name && choice.value);
  return usable.slice(0, LIMITS.autocompleteChoices).map((choice) => ({
    name: fit(choice.name, LIMITS.choiceName),
    value: fit(choice.value, LIMITS.choiceName),
  }));
}
