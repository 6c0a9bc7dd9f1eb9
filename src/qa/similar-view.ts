import type { Translate } from '../core/locale.ts';
import type { ReplyField } from '../core/reply.ts';
import { clip } from '../core/text.ts';
import type { SearchHit } from '../knowledge/search-engine.ts';
import { round } from '../knowledge/views.ts';
import { communityId, type SimilarQuestion } from './community-index.ts';

const ANSWER_SHOWN = 700;

/**
 * `/ask`'s "비슷한 질문" field: the earlier question this one repeats (`#12`, no link) and its
 * answer — the accepted one, else the latest. When that answer already is the reply's first hit,
 * the field only says whose it is and whether it was accepted.
 */
export function similarFields(
  similar: SimilarQuestion | undefined,
  best: SearchHit | undefined,
  t: Translate,
): ReplyField[] {
  if (!similar) return [];
  const { entry } = similar;
  const answer = entry.accepted ?? entry.answers.at(-1);
  if (!answer) return [];
  const mark = entry.accepted
    ? t({ ko: '✅ 채택된 답변', en: '✅ Accepted answer' })
    : t({ ko: '💬 답변 (아직 채택 전)', en: '💬 Answer (not marked yet)' });
  const shownAbove = best?.section.id === communityId(entry.questionId);
  const body = shownAbove
    ? `${mark} · ${answer.authorName}${t({ ko: ' — 위의 답이에요', en: ' — the answer above' })}`
    : `${mark} · **${answer.authorName}**\n${clip(answer.text, ANSWER_SHOWN)}`;
  return [
    {
      name: t({ ko: `비슷한 질문 #${entry.questionId}`, en: `Similar question #${entry.questionId}` }),
      value: `> ${clip(entry.question.replace(/\s+/g, ' '), 200)}\n${body}`,
    },
  ];
}

/** The same for `--json`: `similar: {questionId, question, answerId, accepted, score}` or nothing. */
export function similarData(similar: SimilarQuestion | undefined): { similar?: Record<string, unknown> } {
  const answer = similar && (similar.entry.accepted ?? similar.entry.answers.at(-1));
  if (!similar || !answer) return {};
  return {
    similar: {
      questionId: similar.entry.questionId,
      question: similar.entry.question,
      answerId: answer.id,
      accepted: answer.status === 'accepted',
      score: round(similar.score),
    },
  };
}
