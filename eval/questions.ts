import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PHENOMENA = [
  'exact',
  'typo',
  'spacing',
  'particle',
  'choseong',
  'ko-en',
  'command',
  'long',
  'none',
] as const;
export type Phenomenon = (typeof PHENOMENA)[number];
export const SPLITS = ['dev', 'heldout', 'blind'] as const;
export type Split = (typeof SPLITS)[number];

const LINE = z.strictObject({
  q: z.string().min(1),
  phenomenon: z.enum(PHENOMENA),
  /** Section ids that answer it (a `~N` passage suffix is ignored); [] for `none`. */
  ids: z.array(z.string()).optional(),
  /** The shared format: alternatives, each a list of phrases one hit's text must all contain. */
  expect: z.array(z.array(z.string()).min(1)).optional(),
});

export type Question = z.infer<typeof LINE> & { split: Split; file: string };

const FILES: Record<Split, string[]> = {
  dev: ['dev.jsonl', 'shared-dev.jsonl'],
  heldout: ['heldout.jsonl'],
  blind: ['blind.jsonl'],
};

export const QUESTIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'questions');

export function loadQuestions(split: Split, dir = QUESTIONS_DIR): Question[] {
  return FILES[split].flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line, i) => {
        const parsed = LINE.safeParse(JSON.parse(line));
        if (!parsed.success)
          throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
        const question = parsed.data;
        const answerable = (question.ids?.length ?? 0) > 0 || (question.expect?.length ?? 0) > 0;
        if (answerable === (question.phenomenon === 'none'))
          throw new Error(`${file}:${i + 1}: only "none" questions have no answer`);
        return { ...question, split, file };
      }),
  );
}
