import { group } from '../core/text.ts';
import type { KnowledgeDoc, KnowledgeProblem, Section } from './types.ts';

/** A section's id without its passage suffix (`notes/ch4#lab~2` → `notes/ch4#lab`). */
export function sectionBaseId(id: string): string {
  return id.replace(/~\d+$/, '');
}

/** Sections longer than this are split into passages at paragraph boundaries. */
export const PASSAGE_MAX_CHARS = 1200;

const HEADING = /^(#{1,6})\s+(.+?)\s*$/;
const EXPLICIT_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;
const ALIASES = /^<!--\s*aliases:\s*(.*?)\s*-->\s*$/;
const FENCE = /^\s*(```|~~~)/;

interface RawBlock {
  level: number;
  heading: string;
  anchor: string;
  line: number;
  lines: string[];
  aliases: string[];
}

export interface ParsedBody {
  title: string | undefined;
  blocks: RawBlock[];
  problems: KnowledgeProblem[];
}

/**
 * Splits a Markdown body at headings (outside code fences). The single H1 is the
 * document title; text before the first `##` becomes the `intro` block.
 */
export function parseBody(file: string, body: string, firstLine: number): ParsedBody {
  const problems: KnowledgeProblem[] = [];
  const blocks: RawBlock[] = [];
  let title: string | undefined;
  let current: RawBlock | undefined;
  let inFence = false;

  for (const [index, line] of body.split('\n').entries()) {
    const lineNo = firstLine + index;
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading) {
      const level = group(heading, 1).length;
      const rawText = group(heading, 2);
      if (level === 1) {
        if (title !== undefined) problems.push({ file, line: lineNo, message: 'more than one H1 (# title)' });
        title = rawText.replace(EXPLICIT_ID, '').trim();
        current = { level: 1, heading: title, anchor: 'intro', line: lineNo, lines: [], aliases: [] };
        blocks.push(current);
        continue;
      }
      const explicit = EXPLICIT_ID.exec(rawText);
      const text = rawText.replace(EXPLICIT_ID, '').trim();
      current = { level, heading: text, anchor: explicit?.[1] ?? slugify(text), line: lineNo, lines: [], aliases: [] };
      blocks.push(current);
      continue;
    }
    if (!current) {
      if (line.trim()) problems.push({ file, line: lineNo, message: 'text before the H1 title' });
      continue;
    }
    const aliases = !inFence && current.lines.every((l) => !l.trim()) ? ALIASES.exec(line) : null;
    if (aliases) {
      current.aliases.push(...group(aliases, 1).split(',').map((a) => a.trim()).filter(Boolean));
      continue;
    }
    current.lines.push(line);
  }
  if (inFence) problems.push({ file, message: 'a code fence is never closed' });
  if (title === undefined) problems.push({ file, message: 'no H1 (# title)' });
  return { title, blocks, problems };
}

/** GitHub-style slug that keeps Hangul: "3.2 도커 명령어 활용" → "32-도커-명령어-활용". */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Turns parsed blocks into indexed sections (splitting long ones into passages). */
export function buildSections(
  doc: Omit<KnowledgeDoc, 'sections'>,
  parsed: ParsedBody,
): { sections: Section[]; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const sections: Section[] = [];
  const seen = new Map<string, number>();
  const path: string[] = [];

  for (const block of parsed.blocks) {
    const text = block.lines.join('\n').trim();
    if (block.level === 1) {
      path.length = 0;
      if (!text) continue; // a title straight followed by its first section
    } else {
      path.length = Math.max(0, block.level - 2);
      path[block.level - 2] = block.heading;
    }
    if (!text) {
      problems.push({ file: doc.source, line: block.line, message: `empty section "${block.heading}"` });
      continue;
    }
    const previous = seen.get(block.anchor);
    if (previous !== undefined) {
      problems.push({
        file: doc.source,
        line: block.line,
        message: `duplicate id ${doc.id}#${block.anchor} (also on line ${previous})`,
      });
      continue;
    }
    seen.set(block.anchor, block.line);
    const headingPath = [doc.title, ...path.filter(Boolean)];
    const passages = splitPassages(text, PASSAGE_MAX_CHARS);
    passages.forEach((passage, i) => {
      sections.push({
        id: `${doc.id}#${block.anchor}${i === 0 ? '' : `~${i + 1}`}`,
        docId: doc.id,
        anchor: block.anchor,
        heading: block.level === 1 ? doc.title : block.heading,
        headingPath: block.level === 1 ? [doc.title] : headingPath,
        level: block.level,
        text: passage,
        aliases: block.aliases,
        ...(doc.chapter !== undefined ? { chapter: doc.chapter } : {}),
        source: doc.source,
        kind: doc.kind,
        ...(passages.length > 1 ? { passage: i + 1 } : {}),
      });
    });
  }
  return { sections, problems };
}

/** Splits at blank lines outside code fences, packing paragraphs up to `max` characters. */
export function splitPassages(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const paragraphs: string[] = [];
  let buffer: string[] = [];
  let inFence = false;
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && !line.trim()) {
      if (buffer.length) paragraphs.push(buffer.join('\n'));
      buffer = [];
    } else {
      buffer.push(line);
    }
  }
  if (buffer.length) paragraphs.push(buffer.join('\n'));

  const passages: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    if (current && current.length + paragraph.length + 2 > max) {
      passages.push(current);
      current = paragraph;
    } else {
      current = current ? `${current}\n\n${paragraph}` : paragraph;
    }
  }
  if (current) passages.push(current);
  return passages;
}
