import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { encodeCustomId } from '../../src/core/custom-id.ts';
import type { ActionRow } from '../../src/core/reply.ts';
import type { Section } from '../../src/knowledge/types.ts';
import { lastHeadings } from '../../src/knowledge/views.ts';

/** The component id /note answers: its value is `<doc id>#<anchor>`, opened with every passage. */
export const OPEN_SECTION_ID = encodeCustomId('note', 'toc');

export function sectionValue(section: Section): string {
  return `${section.docId}#${section.anchor}`;
}

/**
 * A menu that opens the given sections in place (ephemerally), for replies that point to notes:
 * diagnose findings, history hints. Unknown ids are left out; passages of one section are one option.
 */
export function sectionMenu(knowledge: KnowledgeBase, sectionIds: string[], placeholder: string): ActionRow[] {
  const byValue = new Map<string, Section>();
  for (const id of sectionIds) {
    const section = knowledge.section(id);
    if (section && !byValue.has(sectionValue(section))) byValue.set(sectionValue(section), section);
  }
  if (byValue.size === 0) return [];
  const options = [...byValue].map(([value, section]) => ({ label: lastHeadings(section), value }));
  return [[{ kind: 'select', customId: OPEN_SECTION_ID, placeholder, options }]];
}
