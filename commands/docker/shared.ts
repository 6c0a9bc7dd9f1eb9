import type { AutocompleteSource, Choice, StringOption } from '../../src/core/command.ts';
import type { Locale } from '../../src/core/locale.ts';

/** Autocomplete has ~3 s in Discord: give the engine less. */
const AUTOCOMPLETE_TIMEOUT_MS = 1500;

const visibleContainerNames: AutocompleteSource = async (partial, ctx) => {
  const list = await ctx.docker.listContainers(AbortSignal.timeout(AUTOCOMPLETE_TIMEOUT_MS));
  return rank(
    list.map((c) => ({ value: c.name, label: `${c.name} — ${c.state}` })),
    partial,
  );
};

const visibleImageNames: AutocompleteSource = async (partial, ctx) => {
  const list = await ctx.docker.listImages(AbortSignal.timeout(AUTOCOMPLETE_TIMEOUT_MS));
  return rank(
    list.flatMap((i) => i.tags.map((tag) => ({ value: tag, label: tag }))),
    partial,
  );
};

function rank(items: Array<{ value: string; label: string }>, partial: string): Array<Choice<string>> {
  const wanted = partial.trim().toLowerCase();
  return items
    .filter((i) => !wanted || i.value.toLowerCase().includes(wanted))
    .sort(
      (a, b) =>
        Number(!a.value.toLowerCase().startsWith(wanted)) - Number(!b.value.toLowerCase().startsWith(wanted)) ||
        a.value.localeCompare(b.value),
    )
    .slice(0, 25)
    .map((i) => ({ name: { ko: i.label, en: i.label }, value: i.value }));
}

export const containerOption = {
  name: 'container',
  nameKo: '컨테이너',
  type: 'string',
  required: true,
  maxLength: 128,
  description: { ko: '컨테이너 이름 또는 ID', en: 'Container name or id' },
  autocomplete: visibleContainerNames,
} as const satisfies StringOption;

export const imageOption = {
  name: 'image',
  nameKo: '이미지',
  type: 'string',
  required: true,
  maxLength: 255,
  description: { ko: '이미지 이름:태그 또는 ID', en: 'Image name:tag or id' },
  autocomplete: visibleImageNames,
} as const satisfies StringOption;

/** "3분 전" / "3m ago", from the clock's now. */
export function formatAge(from: Date, now: Date, locale: Locale): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  const [value, ko, en] =
    seconds < 60
      ? [seconds, '초', 's']
      : seconds < 3600
        ? [Math.floor(seconds / 60), '분', 'm']
        : seconds < 86_400
          ? [Math.floor(seconds / 3600), '시간', 'h']
          : [Math.floor(seconds / 86_400), '일', 'd'];
  return locale === 'en' ? `${value}${en} ago` : `${value}${ko} 전`;
}

/** `127.0.0.1:8080→80/tcp`, or `80/tcp` when not published. */
export function formatPort(p: { privatePort: number; publicPort?: number; ip?: string; type: string }): string {
  if (!p.publicPort) return `${p.privatePort}/${p.type}`;
  const ip = p.ip && p.ip !== '0.0.0.0' && p.ip !== '::' ? `${p.ip}:` : '';
  return `${ip}${p.publicPort}→${p.privatePort}/${p.type}`;
}

/** Lines that fit in `maxChars`, keeping the last ones, and how many were left out. */
export function lastLinesWithin(lines: string[], maxChars: number): { shown: string[]; omitted: number } {
  const shown: string[] = [];
  let used = 0;
  for (const line of lines.toReversed()) {
    const cost = line.length + 1;
    if (used + cost > maxChars && shown.length > 0) break;
    shown.unshift(line.slice(0, maxChars));
    used += cost;
  }
  return { shown, omitted: lines.length - shown.length };
}
