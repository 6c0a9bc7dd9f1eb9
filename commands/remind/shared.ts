import type { AutocompleteSource, StringOption } from '../../src/core/command.ts';
import type { CommandContext } from '../../src/core/context.ts';
import { UserError } from '../../src/core/errors.ts';
import { withParticle } from '../../src/core/korean-particles.ts';
import { clip } from '../../src/core/text.ts';

/** Reminders the caller may see, offered by number while typing `id`. */
const reminderIds: AutocompleteSource = (partial, ctx) => {
  const wanted = partial.trim().replace(/^#/, '').toLowerCase();
  return ctx.scheduler
    .list(ctx.caller.guildId)
    .filter(
      (r) =>
        !wanted || String(r.id).startsWith(wanted) || `${r.scheduleInput} ${r.message}`.toLowerCase().includes(wanted),
    )
    .slice(0, 25)
    .map((r) => {
      const label = clip(`#${r.id} ${r.scheduleInput} — ${r.message.replace(/\s+/g, ' ')}`, 100);
      return { name: { ko: label, en: label }, value: String(r.id) };
    });
};

export const idOption = {
  name: 'id',
  nameKo: '번호',
  type: 'string',
  required: true,
  maxLength: 12,
  description: { ko: '리마인더 번호 (/remind list)', en: 'Reminder number (/remind list)' },
  autocomplete: reminderIds,
} as const satisfies StringOption;

/** "3", "#3" → 3. */
export function reminderId(raw: string): number {
  const match = /^#?(\d{1,9})$/.exec(raw.trim());
  if (!match) {
    throw new UserError('invalid-option', {
      ko: `\`id\`는 리마인더 번호예요 (예: 3). ${withParticle(`\`${clip(raw, 20)}\``, '은/는')} 번호가 아니에요.`,
      en: `\`id\` is a reminder number (e.g. 3); \`${clip(raw, 20)}\` is not.`,
    });
  }
  return Number(match[1]);
}

/** Reminders of the caller's guild in Discord; every reminder in the console and CLI. */
export function scopeOf(ctx: CommandContext): string | undefined {
  return ctx.caller.guildId;
}

/** "#3을" / "#2를": the object particle after a reminder number. */
export function numbered(id: number): string {
  return withParticle(`#${id}`, '을/를');
}

/** The organizer's message quoted in a reply. */
export function quoted(message: string, max = 300): string {
  return clip(message, max)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
