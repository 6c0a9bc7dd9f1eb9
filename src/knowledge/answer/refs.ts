import type { KnowledgeDoc, Section } from '../types.ts';
import { lastHeadings } from '../views.ts';

/** What the notes write to point at another section or playbook: `troubleshooting/container-exits#exit-125`. */
const SECTION_REF = /\b(?:notes|troubleshooting)\/[a-z0-9-]+(?:#[a-z0-9-]+)?/g;

export interface RefLookup {
  section(id: string): Section | undefined;
  doc(id: string): KnowledgeDoc | undefined;
}

/**
 * The notes' cross-references as members read them: a section id becomes the section's title
 * (‘컨테이너가 바로 종료돼요 (종료 코드별 원인) › 125: 도커가 컨테이너를 실행하지 못함’), a file id the
 * playbook's or chapter's title. An id that names nothing is left as written.
 */
export function readableRefs(markdown: string, knowledge: RefLookup): string {
  return markdown.replace(SECTION_REF, (ref) => {
    const title = refTitle(ref, knowledge);
    return title ? `‘${title}’` : ref;
  });
}

function refTitle(ref: string, knowledge: RefLookup): string | undefined {
  const [docId = ref, anchor] = ref.split('#');
  const doc = knowledge.doc(docId);
  if (!doc) return undefined;
  if (!anchor) return doc.title;
  const section = knowledge.section(`${docId}#${anchor}`);
  return section ? lastHeadings(section) : doc.title;
}

/** The ids the text refers to (for tests and checks). */
export function refsIn(markdown: string): string[] {
  return [...markdown.matchAll(SECTION_REF)].map((m) => m[0]);
}
