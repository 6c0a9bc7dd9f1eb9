import type { AutocompleteSource, StringOption } from '../../src/core/command.ts';
import type { CommandContext } from '../../src/core/context.ts';
import { encodeCustomId } from '../../src/core/custom-id.ts';
import { UserError } from '../../src/core/errors.ts';
import type { Translate } from '../../src/core/locale.ts';
import { redact } from '../../src/core/redact.ts';
import type { ActionRow, ReplyField } from '../../src/core/reply.ts';
import { clip } from '../../src/core/text.ts';
import { timestamp } from '../../src/core/timestamp.ts';
import { questionText, type Member } from '../../src/qa/qa-service.ts';
import type { AnswerRecord, GuildScope, QuestionSummary } from '../../src/store/qa.ts';
import { withParticle } from '../../src/core/korean-particles.ts';

/** Questions per page of `/qa unanswered` and `/qa history`. */
export const PAGE_SIZE = 5;

export function memberOf(ctx: CommandContext): Member {
  const { caller } = ctx;
  return {
    id: caller.id,
    name: caller.name,
    isOrganizer: caller.isOrganizer,
    guildId: caller.guildId,
    channelId: caller.channelId,
  };
}

/** A guild's questions in Discord; every question on the console and CLI. */
export function scopeOf(ctx: CommandContext): GuildScope {
  return ctx.caller.guildId;
}

/** Questions offered by number while typing: those waiting for an answer first, then the latest. */
const questionIds: AutocompleteSource = (partial, ctx) => {
  const wanted = partial.trim().replace(/^#/, '').toLowerCase();
  const scope = scopeOf(ctx);
  const seen = new Set<number>();
  return [...ctx.qa.repository.unanswered(scope, 50), ...ctx.qa.repository.recent(scope, 50)]
    .filter((q) => !seen.has(q.id) && seen.add(q.id))
    .filter((q) => !wanted || String(q.id).startsWith(wanted) || q.query.toLowerCase().includes(wanted))
    .slice(0, 25)
    .map((q) => {
      const label = clip(`#${q.id} ${questionText(q.query, 90)}`, 100);
      return { name: { ko: label, en: label }, value: String(q.id) };
    });
};

/** Answers offered by number: the latest first. */
const answerIds: AutocompleteSource = (partial, ctx) => {
  const wanted = partial.trim().replace(/^#/, '').toLowerCase();
  return ctx.qa
    .recentAnswers(scopeOf(ctx), 100)
    .filter(
      (row) =>
        !wanted ||
        String(row.answer.id).startsWith(wanted) ||
        `${row.query} ${row.answer.text}`.toLowerCase().includes(wanted),
    )
    .slice(0, 25)
    .map((row) => {
      const label = clip(`#${row.answer.id} ${row.answer.authorName}: ${oneLine(row.answer.text)}`, 100);
      return { name: { ko: label, en: label }, value: String(row.answer.id) };
    });
};

export const questionOption = {
  name: 'question',
  nameKo: '질문',
  type: 'string',
  required: true,
  maxLength: 12,
  description: { ko: '질문 번호 (/qa unanswered)', en: 'Question number (/qa unanswered)' },
  autocomplete: questionIds,
} as const satisfies StringOption;

export const answerOption = {
  name: 'answer',
  nameKo: '답변',
  type: 'string',
  required: true,
  maxLength: 12,
  description: { ko: '답변 번호', en: 'Answer number' },
  autocomplete: answerIds,
} as const satisfies StringOption;

/** "12", "#12" → 12. */
export function idFrom(raw: string, option: string): number {
  const match = /^#?(\d{1,9})$/.exec(raw.trim());
  if (!match) {
    throw new UserError('invalid-option', {
      ko: `\`${option}\`에는 번호를 주세요 (예: 12). ${withParticle(`\`${clip(raw, 20)}\``, '은/는')} 번호가 아니에요.`,
      en: `\`${option}\` takes a number (e.g. 12); \`${clip(raw, 20)}\` is not one.`,
    });
  }
  return Number(match[1]);
}

/** Where a question stands, in a few words. */
export function statusLine(q: QuestionSummary, t: Translate): string {
  const votes = q.up || q.down ? ` · 👍 ${q.up} · 👎 ${q.down}` : '';
  if (q.accepted) return t({ ko: '✅ 해결됨 (채택된 답변)', en: '✅ solved (accepted answer)' }) + votes;
  if (q.answers > 0) return t({ ko: `💬 답변 ${q.answers}개`, en: `💬 ${q.answers} answer(s)` }) + votes;
  if (q.needsAnswer) {
    const why = !q.answered
      ? t({
          ko: `노트에서 못 찾음${q.topScore !== null ? ` (점수 ${q.topScore.toFixed(2)})` : ''}`,
          en: `not in the notes${q.topScore !== null ? ` (score ${q.topScore.toFixed(2)})` : ''}`,
        })
      : t({ ko: '노트 답이 도움이 안 됨', en: "the notes' answer did not help" });
    return `❓ ${why}${votes}`;
  }
  const earlier = q.hitIds[0]?.startsWith('qa#') ? q.hitIds[0].slice(3) : undefined;
  if (earlier)
    return (
      t({ ko: `💬 커뮤니티 답변(#${earlier})으로 답함`, en: `💬 answered by a community answer (#${earlier})` }) + votes
    );
  return t({ ko: '📖 노트로 답함', en: '📖 answered from the notes' }) + votes;
}

/** One question in a list: its number and time as the name, the question and its status as the value. */
export function questionField(
  q: QuestionSummary,
  ctx: CommandContext,
  options: { asker?: boolean; answer?: AnswerRecord | undefined } = {},
): ReplyField {
  const when = timestamp(q.askedAt, ctx.config.timezone, 'R');
  const asker = options.asker && !q.hidden ? ` · ${q.userName}` : '';
  const answer = options.answer
    ? `\n↳ ${options.answer.status === 'accepted' ? '✅ ' : ''}${options.answer.authorName}: ${clip(oneLine(options.answer.text), 180)}`
    : '';
  return {
    name: `#${q.id}${asker}`,
    value: `> ${questionText(q.query)}\n${statusLine(q, ctx.t)} · ${when}${answer}`,
  };
}

/**
 * ◀ ▶ between pages; the custom ids carry the list, the page and (for a history) whose, its `:`
 * escaped (a console member is `console:name`).
 */
export function pager(
  list: 'unanswered' | 'history',
  page: number,
  pages: number,
  t: Translate,
  who?: string,
): ActionRow[] {
  if (pages <= 1) return [];
  const id = (to: number) => encodeCustomId('qa', 'page', list, to, ...(who ? [encodeURIComponent(who)] : []));
  return [
    [
      {
        kind: 'button',
        customId: id(page - 1),
        label: t({ ko: '이전', en: 'Previous' }),
        emoji: '◀',
        style: 'secondary',
        disabled: page <= 1,
      },
      {
        kind: 'button',
        customId: id(page + 1),
        label: t({ ko: '다음', en: 'Next' }),
        emoji: '▶',
        style: 'secondary',
        disabled: page >= pages,
      },
    ],
  ];
}

/** A question as `--json` shows it (the text redacted). */
export function questionJson(q: QuestionSummary) {
  return {
    id: q.id,
    askedAt: q.askedAt.toISOString(),
    userId: q.userId,
    userName: q.userName,
    guildId: q.guildId ?? null,
    channelId: q.channelId ?? null,
    query: redact(q.query),
    hitIds: q.hitIds,
    topScore: q.topScore,
    answered: q.answered,
    hidden: q.hidden,
    up: q.up,
    down: q.down,
    answers: q.answers,
    accepted: q.accepted,
    needsAnswer: q.needsAnswer,
  };
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
