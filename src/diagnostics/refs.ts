import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { KnowledgeDoc } from '../knowledge/types.ts';

const MAX_REFS = 2;

/**
 * Knowledge section ids for a finding, only ones that exist in the loaded knowledge.
 * Hints (`<playbook>#<anchor>` or `#<anchor>`) are tried against the playbooks whose
 * front matter lists the code, in order; when none exists, the first playbook's first
 * section stands in. A code no playbook explains gets no refs rather than a dead link.
 */
export function resolveRefs(knowledge: KnowledgeBase, code: string, hints: string[]): string[] {
  const playbooks = knowledge.playbooksFor(code);
  const [firstPlaybook] = playbooks;
  if (!firstPlaybook) return [];
  const refs: string[] = [];
  for (const hint of hints) {
    const id = findHint(knowledge, playbooks, hint);
    if (id && !refs.includes(id)) refs.push(id);
    if (refs.length >= MAX_REFS) break;
  }
  if (refs.length === 0) {
    const first = firstPlaybook.sections[0];
    if (first) refs.push(first.id);
  }
  return refs;
}

function findHint(knowledge: KnowledgeBase, playbooks: KnowledgeDoc[], hint: string): string | undefined {
  const [docPart = '', anchor = ''] = hint.split('#');
  if (!anchor) return undefined;
  const candidates = docPart
    ? playbooks.filter((doc) => doc.id === docPart || doc.id.endsWith(`/${docPart}`))
    : playbooks;
  for (const doc of candidates) {
    const id = `${doc.id}#${anchor}`;
    if (knowledge.section(id)) return id;
  }
  return undefined;
}

/**
 * A chapter note's section for a hint that is not a finding (history hints), or the
 * chapter's first section, or nothing when the chapter has no note.
 */
export function chapterRef(knowledge: KnowledgeBase, chapter: number, anchors: string[]): string | undefined {
  const note = knowledge.chapter(chapter);
  if (!note) return undefined;
  for (const anchor of anchors) {
    const id = `${note.id}#${anchor}`;
    if (knowledge.section(id)) return id;
  }
  return note.sections[0]?.id;
}
