import type { Section } from '../src/knowledge/types.ts';

/** The sections `times` over, each copy with its own ids (`…@2`), as a bigger synthetic corpus. */
export function replicate(sections: Section[], times: number): Section[] {
  if (times === 1) return sections;
  return Array.from({ length: times }, (_, r) =>
    sections.map((s) => (r === 0 ? s : { ...s, id: `${s.id}@${r + 1}` })),
  ).flat();
}
