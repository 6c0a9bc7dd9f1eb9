import { readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { filesUnder } from '../core/files.ts';
import { z } from 'zod';
import { parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { buildSections, parseBody } from './sections.ts';
import type { GlossaryTerm, KnowledgeDoc, KnowledgeProblem } from './types.ts';

export interface LoadedKnowledge {
  docs: KnowledgeDoc[];
  glossary: GlossaryTerm[];
  problems: KnowledgeProblem[];
}

export const GLOSSARY_FILE = 'glossary.yaml';

const GLOSSARY = z.strictObject({
  terms: z.array(
    z.strictObject({
      ko: z.array(z.string().trim().min(1)).min(1),
      en: z.array(z.string().trim().min(1)).min(1),
      also: z.array(z.string().trim().min(1)).default([]),
    }),
  ),
});

/** Reads every Markdown file and the glossary under `dir`. Problems are collected, not thrown. */
export function loadKnowledge(dir: string, projectRoot: string = join(dir, '..')): LoadedKnowledge {
  const problems: KnowledgeProblem[] = [];
  const docs: KnowledgeDoc[] = [];
  if (!existsSync(dir)) {
    return { docs, glossary: [], problems: [{ file: dir, message: 'knowledge folder not found' }] };
  }
  for (const file of markdownFiles(dir)) {
    const source = relative(projectRoot, file).split(sep).join('/');
    const id = relative(dir, file).split(sep).join('/').replace(/\.md$/, '');
    const result = parseKnowledgeFile(id, source, readFileSync(file, 'utf8'));
    problems.push(...result.problems);
    if (result.doc) docs.push(result.doc);
  }
  const glossary = loadGlossary(join(dir, GLOSSARY_FILE), problems, projectRoot);
  return { docs, glossary, problems };
}

export function parseKnowledgeFile(
  id: string,
  source: string,
  content: string,
): { doc?: KnowledgeDoc; problems: KnowledgeProblem[] } {
  const split = splitFrontMatter(content);
  if ('error' in split) return { problems: [{ file: source, line: 1, message: split.error }] };
  const front = parseFrontMatter(split.frontMatter);
  if ('issues' in front) {
    return { problems: front.issues.map((issue) => ({ file: source, line: 1, message: `front matter: ${issue}` })) };
  }
  const fm = front.data;
  const parsed = parseBody(source, split.body, split.bodyStartLine);
  const base: Omit<KnowledgeDoc, 'sections'> = {
    id,
    source,
    kind: fm.kind,
    ...(fm.chapter !== undefined ? { chapter: fm.chapter } : {}),
    title: fm.title,
    titleEn: fm.title_en,
    aliases: fm.aliases,
    tags: fm.tags,
    codes: fm.kind === 'playbook' ? fm.codes : [],
  };
  const { sections, problems } = buildSections(base, parsed);
  const all = [...parsed.problems, ...problems];
  if (sections.length === 0) all.push({ file: source, message: 'no sections with text' });
  return { doc: { ...base, sections }, problems: all };
}

function loadGlossary(file: string, problems: KnowledgeProblem[], projectRoot: string): GlossaryTerm[] {
  if (!existsSync(file)) return [];
  const source = relative(projectRoot, file).split(sep).join('/');
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ file: source, message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return [];
  }
  const parsed = GLOSSARY.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: source, message: `${issue.path.join('.')}: ${issue.message}` });
    }
    return [];
  }
  return parsed.data.terms;
}

/** The Markdown notes under `dir` (READMEs aside), in a stable order. */
export function markdownFiles(dir: string): string[] {
  return filesUnder(dir, (name) => name.endsWith('.md') && name !== 'README.md');
}
