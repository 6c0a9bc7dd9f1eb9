import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** One primary phenomenon per question: what makes it hard for the engine (README.md). */
export const MEMBER_PHENOMENA = [
  'short',
  'chatty',
  'typo',
  'slang',
  'choseong',
  'nospace',
  'particle',
  'english',
  'mixed',
  'markup',
  'command',
  'pasted-error',
  'concept',
  'troubleshooting',
  'none',
] as const;
export type MemberPhenomenon = (typeof MEMBER_PHENOMENA)[number];

export const MEMBER_SPLITS = ['dev', 'heldout'] as const;
export type MemberSplit = (typeof MEMBER_SPLITS)[number];

/** Discord's message limit: a member cannot paste more than this. */
export const MAX_QUESTION_LENGTH = 2000;

const FACT_GROUP = z.array(z.string().trim().min(1)).min(1);

const LINE = z
  .strictObject({
    id: z.string().regex(/^m\d{3}$/, 'an id like m042'),
    q: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
    phenomenon: z.enum(MEMBER_PHENOMENA),
    /**
     * What the first reply (its title + text) must show: every group, each by any one of its
     * alternatives. Absent for `none` questions.
     */
    facts: z.array(FACT_GROUP).min(1).optional(),
    /** Sections whose whole text answers it (a `~N` passage suffix is ignored), for hit@k. */
    ids: z
      .array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+#[a-z0-9-]+$/))
      .min(1)
      .optional(),
    /** Why the label is what it is, where that is not obvious. */
    note: z.string().optional(),
  })
  .refine((line) => (line.phenomenon === 'none') === (line.facts === undefined), {
    error: 'a "none" question has no facts; every other question has facts',
  })
  .refine((line) => line.phenomenon !== 'none' || line.ids === undefined, {
    error: 'a "none" question has no ids',
  });

export type MemberQuestion = z.infer<typeof LINE> & { split: MemberSplit };

export const MEMBER_DIR = dirname(fileURLToPath(import.meta.url));

export function splitFile(split: MemberSplit, dir = MEMBER_DIR): string {
  return join(dir, `${split}.jsonl`);
}

/** The questions of one split, validated; throws with file:line on the first bad line. */
export function loadMemberQuestions(split: MemberSplit, dir = MEMBER_DIR): MemberQuestion[] {
  return parseMemberLines(readFileSync(splitFile(split, dir), 'utf8'), `${split}.jsonl`).map((q) => ({ ...q, split }));
}

export function parseMemberLines(text: string, file: string): Array<z.infer<typeof LINE>> {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${n}: not JSON (${(error as Error).message})`, { cause: error });
      }
      const parsed = LINE.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`);
        throw new Error(`${file}:${n}: ${issues.join('; ')}`);
      }
      if (seen.has(parsed.data.id)) throw new Error(`${file}:${n}: duplicate id ${parsed.data.id}`);
      seen.add(parsed.data.id);
      return parsed.data;
    });
}
