import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import type { ActionRow, Button, SelectMenu } from '../../core/reply.ts';
import { fit, LIMITS } from '../limits.ts';

export type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

const STYLE: Record<NonNullable<Button['style']>, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/**
 * A reply's actions as Discord action rows: at most 5 rows, 5 buttons a row, one select menu
 * a row with 1–25 options of distinct values. Components whose custom id is too long, and
 * menus with nothing to choose, are left out rather than making Discord refuse the whole message.
 */
export function renderActions(rows: ActionRow[]): MessageRow[] {
  const out: MessageRow[] = [];
  for (const row of rows) {
    const items = row.filter((item) => item.customId.length <= LIMITS.customId);
    const first = items[0];
    if (!first) continue;
    if (first.kind === 'select') {
      const menu = selectMenu(first);
      if (menu.options.length > 0) out.push({ type: ComponentType.ActionRow, components: [menu] });
      continue;
    }
    const buttons = items.filter((item): item is Button => item.kind === 'button');
    for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
      out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow).map(button) });
    }
  }
  return out.slice(0, LIMITS.actionRows);
}

function button(item: Button) {
  return {
    type: ComponentType.Button as const,
    custom_id: item.customId,
    label: fit(item.label, LIMITS.buttonLabel),
    style: STYLE[item.style ?? 'secondary'] as ButtonStyle.Primary,
    ...(item.emoji ? { emoji: { name: item.emoji } } : {}),
    ...(item.disabled ? { disabled: true } : {}),
  };
}

function selectMenu(item: SelectMenu) {
  const text = (s: string) => fit(s, LIMITS.selectOptionText);
  const values = new Set<string>();
  const options = item.options.filter((option) => {
    const value = option.value.slice(0, LIMITS.selectOptionText);
    if (!value || values.has(value)) return false;
    values.add(value);
    return true;
  });
  return {
    type: ComponentType.StringSelect as const,
    custom_id: item.customId,
    placeholder: fit(item.placeholder, LIMITS.selectPlaceholder),
    options: options.slice(0, LIMITS.selectOptions).map((option) => ({
      label: text(option.label || option.value),
      value: option.value.slice(0, LIMITS.selectOptionText),
      ...(option.description ? { description: text(option.description) } : {}),
    })),
  };
}
