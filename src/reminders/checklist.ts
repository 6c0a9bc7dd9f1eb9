import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Section } from '../knowledge/types.ts';

/**
 * Where a chapter's checklist came from, best first: its lab sections (실습), its numbered
 * procedures, the commands the notes list one per paragraph, or — when the chapter has no
 * practice at all — its sections to review. Every item is text of the notes, never made up.
 */
export type ChecklistKind = 'lab' | 'steps' | 'commands' | 'review';

export interface ChecklistItem {
  text: string;
  /** A command to type (shown as code). */
  command: boolean;
}

export interface ChecklistGroup {
  /** The section's heading. */
  title: string;
  /** The section's anchor, for `/note chapter:N section:<anchor>`. */
  anchor: string;
  items: ChecklistItem[];
}

export interface Checklist {
  chapter: number;
  chapterTitle: string;
  source: string;
  kind: ChecklistKind;
  groups: ChecklistGroup[];
}

interface WholeSection {
  heading: string;
  anchor: string;
  level: number;
  text: string;
}

const LAB_HEADING = /실습|(^|\W)lab(\W|$)/i;
const LAB_ANCHOR = /(^|-)lab(-|$)/;

/** The chapter's lab checklist drawn from its notes, or undefined when there are no notes for it. */
export function chapterChecklist(knowledge: KnowledgeBase, chapter: number): Checklist | undefined {
  const doc = knowledge.chapter(chapter);
  if (!doc) return undefined;
  const sections = wholeSections(doc.sections);
  const base = { chapter, chapterTitle: doc.title, source: doc.source };

  const labs = sections.filter((s) => LAB_HEADING.test(s.heading) || LAB_ANCHOR.test(s.anchor));
  if (labs.length) {
    const withItems = labs.map((s) => group(s, [...numberedSteps(s.text), ...promptCommands(s.text)]));
    const found = withItems.filter((g) => g.items.length);
    const groups = found.length ? found : labs.map((s) => group(s, firstParagraph(s.text)));
    return { ...base, kind: 'lab', groups: groups.filter((g) => g.items.length) };
  }
  const steps = sections.map((s) => group(s, numberedSteps(s.text))).filter((g) => g.items.length >= 2);
  if (steps.length) return { ...base, kind: 'steps', groups: steps };

  const seen = new Set<string>();
  const commands = sections
    .map((s) =>
      group(
        s,
        standaloneCommands(s.text).filter((item) => !seen.has(item.text) && seen.add(item.text)),
      ),
    )
    .filter((g) => g.items.length);
  if (commands.length) return { ...base, kind: 'commands', groups: commands };

  const review = sections.filter((s) => s.level >= 2).map((s) => ({ text: s.heading, command: false }));
  return { ...base, kind: 'review', groups: [{ title: doc.title, anchor: '', items: review }] };
}

function group(section: WholeSection, items: ChecklistItem[]): ChecklistGroup {
  return { title: section.heading, anchor: section.anchor, items };
}

/** A long section's passages joined back, in document order. */
function wholeSections(sections: Section[]): WholeSection[] {
  const byAnchor = new Map<string, WholeSection>();
  for (const s of sections) {
    const known = byAnchor.get(s.anchor);
    if (known) known.text += `\n\n${s.text}`;
    else byAnchor.set(s.anchor, { heading: s.heading, anchor: s.anchor, level: s.level, text: s.text });
  }
  return [...byAnchor.values()];
}

/** The notes' own lines: code fences marked, supplements (`> 보충:` quotes) left out. */
function ownLines(text: string): Array<{ line: string; inFence: boolean }> {
  const lines: Array<{ line: string; inFence: boolean }> = [];
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^\s*>/.test(line)) continue;
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    lines.push({ line, inFence });
  }
  return lines;
}

/**
 * "1. EC2 인스턴스 생성 후 접속(putty)": the top-level items of a numbered list. A list whose
 * every item has sub-items is an outline (e.g. "1. Admin / 2. Users"), not steps to do.
 */
function numberedSteps(text: string): ChecklistItem[] {
  const lines = ownLines(text).filter((l) => !l.inFence && l.line.trim());
  const items: Array<{ text: string; nested: boolean }> = [];
  for (const { line } of lines) {
    const top = /^(\d+)\.\s+(.+?)\s*$/.exec(line);
    if (top?.[2]) items.push({ text: top[2], nested: false });
    else if (/^\s+(\d+\.|[-*])\s+/.test(line)) {
      const last = items.at(-1);
      if (last) last.nested = true;
    }
  }
  if (items.length && items.every((i) => i.nested)) return [];
  return items.map((i) => ({ text: i.text, command: false }));
}

/** Commands typed at a prompt in a recorded session (`PS C:\…> docker build …`, `$ docker …`). */
function promptCommands(text: string): ChecklistItem[] {
  return ownLines(text)
    .filter((l) => l.inFence)
    .map((l) => /^(?:PS [^>]*>|\$)\s+(\S.*?)\s*$/.exec(l.line)?.[1])
    .filter((command): command is string => Boolean(command))
    .map((command) => ({ text: command, command: true }));
}

/** Paragraphs that are one command in backticks: `docker version`. */
function standaloneCommands(text: string): ChecklistItem[] {
  return ownLines(text)
    .filter((l) => !l.inFence)
    .map((l) => /^`(docker [^`]+)`$/.exec(l.line.trim())?.[1])
    .filter((command): command is string => Boolean(command))
    .map((command) => ({ text: command, command: true }));
}

/** The section's own first paragraph, as one item (a lab the notes describe without steps). */
function firstParagraph(text: string): ChecklistItem[] {
  const paragraph = ownLines(text)
    .filter((l) => !l.inFence)
    .map((l) => l.line.trim())
    .find((l) => l && !l.startsWith('<!--'));
  return paragraph ? [{ text: paragraph, command: false }] : [];
}
