import type { AutocompleteSource, Choice, StringOption } from '../../src/core/command.ts';
import { stateWord } from '../../src/docker/container-state.ts';
import { containerRef, imageRef } from '../../src/docker/names.ts';

/** Autocomplete has ~3 s in Discord: give the engine less. */
const AUTOCOMPLETE_TIMEOUT_MS = 1500;

const visibleContainerNames: AutocompleteSource = async (partial, ctx) => {
  const list = await ctx.docker.listContainers(AbortSignal.timeout(AUTOCOMPLETE_TIMEOUT_MS));
  return rank(
    list.map((c) => ({ value: c.Name, label: `${c.Name} — ${stateWord(c.State, ctx.t)}` })),
    partial,
  );
};

const visibleImageNames: AutocompleteSource = async (partial, ctx) => {
  const list = await ctx.docker.listImages(AbortSignal.timeout(AUTOCOMPLETE_TIMEOUT_MS));
  return rank(
    list.flatMap((i) => i.RepoTags.map((tag) => ({ value: tag, label: tag }))),
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
    .map((i) => ({ name: { ko: i.label, en: i.label }, value: i.value }));
}

export const containerOption = {
  name: 'container',
  nameKo: '컨테이너',
  type: 'string',
  required: true,
  maxLength: 128,
  description: { ko: '컨테이너 이름 또는 ID', en: 'Container name or id' },
  validate: containerRef,
  autocomplete: visibleContainerNames,
} as const satisfies StringOption;

export const imageOption = {
  name: 'image',
  nameKo: '이미지',
  type: 'string',
  required: true,
  maxLength: 255,
  description: { ko: '이미지 이름:태그 또는 ID', en: 'Image name:tag or id' },
  validate: imageRef,
  autocomplete: visibleImageNames,
} as const satisfies StringOption;
