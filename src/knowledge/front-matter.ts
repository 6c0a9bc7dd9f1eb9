import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FINDING_CODES } from '../diagnostics/finding.ts';
import { CHAPTER_COUNT } from './chapters.ts';

const words = z.array(z.string().trim().min(1)).default([]);

export const NOTE_FRONT_MATTER = z.strictObject({
  kind: z.literal('note').default('note'),
  chapter: z.number().int().min(1).max(CHAPTER_COUNT),
  title: z.string().trim().min(1),
  title_en: z.string().trim().min(1),
  aliases: words,
  tags: words,
});

export const PLAYBOOK_FRONT_MATTER = z.strictObject({
  kind: z.literal('playbook'),
  chapter: z.number().int().min(1).max(CHAPTER_COUNT).optional(),
  title: z.string().trim().min(1),
  title_en: z.string().trim().min(1),
  aliases: words,
  tags: words,
  codes: z.array(z.enum(FINDING_CODES)).default([]),
});

export type FrontMatter = z.infer<typeof NOTE_FRONT_MATTER> | z.infer<typeof PLAYBOOK_FRONT_MATTER>;

/** Chooses the schema by `kind` (note when absent), so errors name the real field. */
export function parseFrontMatter(raw: unknown): { data: FrontMatter } | { issues: string[] } {
  const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
  const result = kind === 'playbook' ? PLAYBOOK_FRONT_MATTER.safeParse(raw) : NOTE_FRONT_MATTER.safeParse(raw);
  if (result.success) return { data: result.data };
  return { issues: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) };
}

export interface SplitFile {
  frontMatter: unknown;
  body: string;
  /** Line number (1-based) of the body's first line in the file. */
  bodyStartLine: number;
}

/** Separates `---` YAML front matter from the Markdown body. */
export function splitFrontMatter(content: string): SplitFile | { error: string } {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return { error: 'missing front matter (the file must start with ---)' };
  const end = text.indexOf('\n---\n', 3);
  if (end < 0) return { error: 'front matter is not closed with ---' };
  const yamlText = text.slice(4, end + 1);
  try {
    return {
      frontMatter: parseYaml(yamlText),
      body: text.slice(end + 5),
      bodyStartLine: yamlText.split('\n').length + 2,
    };
  } catch (error) {
    return { error: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
}
