import type { KnowledgeDoc, Section } from '../types.ts';
import { blocksOf, type Block } from './blocks.ts';
import { sectionBaseId } from '../sections.ts';

/** A section of a playbook with all its passages: what the answer composer reads. */
export interface PlaybookPart {
  /** The section id without a passage suffix. */
  id: string;
  heading: string;
  level: number;
  /** Every passage's text, joined. */
  text: string;
}

/**
 * A troubleshooting playbook as the answer composer reads it: symptom, causes (each cause a
 * subsection of `causes` or of a `causes-…` section, or an item of the causes list), how to check,
 * the fix (`kind: playbook`, README "Knowledge"). Other level-2 sections (`related`) are not part of it.
 */
export interface Playbook {
  doc: KnowledgeDoc;
  symptom: PlaybookPart | undefined;
  causes: PlaybookPart | undefined;
  /** Each cause: a subsection of the causes section, or else an item of its list. */
  causeList: Cause[];
  check: PlaybookPart | undefined;
  checkParts: PlaybookPart[];
  fix: PlaybookPart | undefined;
  fixParts: PlaybookPart[];
}

export interface Cause {
  /** The section it comes from (a cause subsection, or the causes section for a list item). */
  sectionId: string;
  title: string;
  /** The cause's own Markdown, its title left out. */
  body: string;
  /** One of the detailed causes (a subsection of a `causes-…` section): it leads only when the question is closer to it. */
  detail?: boolean;
}

/** The roles a playbook's level-2 sections play, by their anchors. */
export const PLAYBOOK_ROLES = ['symptom', 'causes', 'check', 'fix'] as const;
export type PlaybookRole = (typeof PLAYBOOK_ROLES)[number];


/** The doc's sections with their passages joined, in order. */
export function partsOf(doc: KnowledgeDoc): PlaybookPart[] {
  const parts: PlaybookPart[] = [];
  for (const section of doc.sections) {
    const id = sectionBaseId(section.id);
    const last = parts.at(-1);
    if (last?.id === id) last.text += `\n\n${section.text}`;
    else parts.push({ id, heading: section.heading, level: section.level, text: section.text });
  }
  return parts;
}

/** The playbook shape of a doc, or undefined when it is not a playbook with causes. */
export function readPlaybook(doc: KnowledgeDoc): Playbook | undefined {
  if (doc.kind !== 'playbook') return undefined;
  const parts = partsOf(doc);
  const top = new Map<string, PlaybookPart>();
  const under = new Map<string, PlaybookPart[]>();
  let current: string | undefined;
  for (const part of parts) {
    const anchor = part.id.slice(part.id.indexOf('#') + 1);
    if (part.level <= 2) {
      current = anchor;
      top.set(anchor, part);
      under.set(anchor, []);
    } else if (current) under.get(current)?.push(part);
  }
  const causes = top.get('causes');
  if (!causes) return undefined;
  const causeSubsections = under.get('causes') ?? [];
  // Subsections of a `causes-…` section (nginx's A–G, each with its signals and fix) are causes in detail.
  const detailed = [...under.entries()].filter(([anchor]) => anchor.startsWith('causes-')).flatMap(([, parts]) => parts);
  return {
    doc,
    symptom: top.get('symptom'),
    causes,
    causeList: [
      ...(causeSubsections.length
        ? causeSubsections.map((part) => ({ sectionId: part.id, title: part.heading, body: part.text }))
        : listCauses(causes)),
      ...detailed.map((part) => ({ sectionId: part.id, title: part.heading, body: part.text, detail: true })),
    ],
    check: top.get('check'),
    checkParts: under.get('check') ?? [],
    fix: top.get('fix'),
    fixParts: under.get('fix') ?? [],
  };
}

/** The items of the causes section's list, each titled by its bold lead (`**…**: …`) or its first clause. */
function listCauses(causes: PlaybookPart): Cause[] {
  const list = blocksOf(causes.text).find((b) => b.kind === 'list');
  if (!list) return [];
  return list.items.map((item) => ({ sectionId: causes.id, ...titled(item) }));
}

/**
 * `**Title**: rest` → its title and rest; a bold lead the sentence goes on from (`**A** 띄움: rest`)
 * takes the words up to the colon too; otherwise the text up to the first colon.
 */
export function titled(item: string): { title: string; body: string } {
  const bold = /^\*\*(.+?)\*\*([^:：\n]{0,40})[:：]\s*([\s\S]*)$/.exec(item) ?? /^\*\*(.+?)\*\*()\s*(?:—\s*)?([\s\S]*)$/.exec(item);
  if (bold?.[1]) return { title: `${bold[1]}${(bold[2] ?? '').trimEnd()}`, body: bold[3] ?? '' };
  // A plain lead clause (`원인: …`), not a colon inside parentheses or code (`(예: …)`).
  const clause = /^([^:：\n(（`]{4,60})[:：]\s+([\s\S]+)$/.exec(item);
  if (clause?.[1]) return { title: clause[1], body: clause[2] ?? '' };
  return { title: '', body: item };
}

/** Where a section sits in its playbook: its role, and the subsection of that role it is, if any. */
export interface Placement {
  role: PlaybookRole | 'cause';
  /** A subsection of the check or fix section (its id), or of the causes section. */
  part: string | undefined;
}

export function placementOf(playbook: Playbook, section: Section): Placement | undefined {
  const id = sectionBaseId(section.id);
  for (const role of PLAYBOOK_ROLES) if (playbook[role]?.id === id) return { role, part: undefined };
  if (playbook.causeList.some((c) => c.sectionId === id)) return { role: 'cause', part: id };
  if (playbook.checkParts.some((p) => p.id === id)) return { role: 'check', part: id };
  if (playbook.fixParts.some((p) => p.id === id)) return { role: 'fix', part: id };
  return undefined;
}

export function codeBlocks(markdown: string): Block[] {
  return blocksOf(markdown).filter((b) => b.kind === 'code');
}
