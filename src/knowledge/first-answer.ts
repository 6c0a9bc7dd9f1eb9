import { z } from 'zod';
import type { Reply } from '../core/reply.ts';
import { stripMarkup } from './markup.ts';

/**
 * What a member reads first of an `/ask` reply: its title and text as the console prints them,
 * without Markdown markup, and the sections that text was taken from. The fields ("also see",
 * chapter, source), the select menu and the other hits come after it and are not part of it.
 *
 * `ask --json` prints it as `answer`; the member-level eval (eval/member) judges it.
 */
export interface FirstAnswer {
  title: string;
  text: string;
  sectionIds: string[];
}

const ASK_DATA = z.looseObject({
  confident: z.boolean(),
  hits: z.array(z.looseObject({ id: z.string() })),
  /** The sections the reply's text was composed from (ask's own record of it). */
  answer: z.looseObject({ sectionIds: z.array(z.string()) }).optional(),
});

export function firstAnswer(reply: Reply): FirstAnswer {
  const data = ASK_DATA.safeParse(reply.data);
  const sure = data.success && data.data.confident && !reply.error;
  const best = sure ? data.data.hits[0] : undefined;
  const composed = sure ? data.data.answer?.sectionIds : undefined;
  return {
    title: stripMarkup(reply.title ?? ''),
    text: stripMarkup(reply.text ?? ''),
    sectionIds: composed ?? (best ? [best.id] : []),
  };
}

/** Whether the reply is a sure answer (ask's `confident`), not "no sure answer" or an error. */
export function isSure(reply: Reply): boolean {
  const data = ASK_DATA.safeParse(reply.data);
  return !reply.error && data.success && data.data.confident;
}
