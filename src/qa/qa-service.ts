import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../core/clock.ts';
import { UserError } from '../core/errors.ts';
import { redact } from '../core/redact.ts';
import { clip, endsWithBatchim } from '../core/text.ts';
import type { KnowledgeBase, SearchScope } from '../knowledge/knowledge-base.ts';
import { ForgetRepository, type Forgotten } from '../store/qa-forget.ts';
import {
  QaRepository,
  type AnswerRecord,
  type CommunityRow,
  type GuildScope,
  type QuestionSummary,
} from '../store/qa.ts';
import type { QuestionRepository } from '../store/questions.ts';
import { CommunityIndex, type SimilarQuestion } from './community-index.ts';
import { exportOf, type QaExport } from './export.ts';
import { statsOf, type QaStats } from './stats.ts';

/** Longest answer kept (Discord's embed description holds 4096; a field value 1024). */
export const ANSWER_MAX = 1500;

/** The member acting: their id and name, where they are, and whether they organize. */
export interface Member {
  id: string;
  name: string;
  isOrganizer: boolean;
  guildId?: string | undefined;
  channelId?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
}

export interface SavedAnswer {
  answer: AnswerRecord;
  question: QuestionSummary;
  /** Secrets in the text were replaced by [REDACTED] before it was kept. */
  redacted: boolean;
  /** How long putting it into search took (a rebuild of the community index). */
  indexMs: number;
}

/**
 * The Q&A memory: members answer what the notes could not, mark the answer that solved a
 * question, and find those answers when they ask again; listings, the week's numbers, the export
 * and forgetting a member. Transport-neutral: the commands in commands/qa/ speak for it.
 */
export class QaService {
  readonly repository: QaRepository;
  readonly community: CommunityIndex;
  private readonly forgetting: ForgetRepository;

  constructor(
    private readonly deps: {
      db: Database;
      questions: QuestionRepository;
      knowledge: KnowledgeBase;
      clock: Clock;
      /** DOCKHAND_TIMEZONE: "this week" starts on Monday 00:00 here. */
      timeZone: string;
    },
  ) {
    this.repository = new QaRepository(deps.db);
    this.forgetting = new ForgetRepository(deps.db);
    this.community = new CommunityIndex(this.repository, deps.knowledge);
  }

  /** An earlier answered question that reads as this one (accepted answers first). */
  similar(query: string, scope: SearchScope): SimilarQuestion | undefined {
    return this.community.similar(query, scope);
  }

  /** The question, if the caller's guild may see it; a UserError otherwise. */
  question(id: number, scope: GuildScope): QuestionSummary {
    const question = this.repository.question(id);
    if (!question || !inScope(question.guildId, scope)) throw unknownQuestion(id);
    return question;
  }

  answer(questionId: number, text: string, author: Member): SavedAnswer {
    this.question(questionId, author.guildId); // it exists and the caller's guild may see it
    const trimmed = text.trim();
    if (!trimmed) {
      throw new UserError('empty-answer', { ko: '답변 내용을 적어 주세요.', en: 'Please write the answer.' });
    }
    if (trimmed.length > ANSWER_MAX) {
      throw new UserError('answer-too-long', {
        ko: `답변은 ${ANSWER_MAX}자까지예요 (지금 ${trimmed.length}자).`,
        en: `Answers are at most ${ANSWER_MAX} characters (this one has ${trimmed.length}).`,
      });
    }
    // Members paste commands and logs: a token in an answer must not be kept, searched or shown.
    const safe = redact(trimmed);
    const answer = this.repository.addAnswer({
      questionId,
      authorId: author.id,
      authorName: author.name,
      guildId: author.guildId,
      channelId: author.channelId,
      text: safe,
      answeredAt: this.deps.clock.now(),
    });
    const indexMs = this.reindex();
    return { answer, question: this.question(questionId, author.guildId), redacted: safe !== trimmed, indexMs };
  }

  /** The asker (or an organizer) marks the answer that solved the question. */
  accept(answerId: number, who: Member): { answer: AnswerRecord; question: QuestionSummary } {
    const found = this.answerInScope(answerId, who.guildId);
    if (found.question.userId !== who.id && !who.isOrganizer) {
      throw new UserError('not-the-asker', {
        ko: '답변 채택은 질문한 사람이나 운영진만 할 수 있어요.',
        en: 'Only the person who asked (or an organizer) can mark the answer.',
      });
    }
    this.repository.accept(answerId, this.deps.clock.now());
    this.reindex();
    return this.answerInScope(answerId, who.guildId);
  }

  /** Organizers: the answer leaves the database and search at once. */
  removeAnswer(answerId: number, scope: GuildScope): { answer: AnswerRecord; question: QuestionSummary } {
    const found = this.answerInScope(answerId, scope);
    this.repository.removeAnswer(answerId);
    this.reindex();
    return found;
  }

  answerInScope(answerId: number, scope: GuildScope): { answer: AnswerRecord; question: QuestionSummary } {
    const answer = this.repository.answer(answerId);
    const question = answer && this.repository.question(answer.questionId);
    if (!answer || !question || !inScope(question.guildId, scope)) {
      throw new UserError('unknown-answer', {
        ko: `답변 ${numbered(answerId)} 찾을 수 없어요.`,
        en: `There is no answer #${answerId}.`,
      });
    }
    return { answer, question };
  }

  answersTo(questionId: number): AnswerRecord[] {
    return this.repository.answersTo(questionId);
  }

  /** One vote per member per question; voting again changes it. */
  vote(questionId: number, who: Member, value: 1 | -1): QuestionSummary {
    const question = this.question(questionId, who.guildId);
    this.deps.questions.vote({
      questionId,
      userId: who.id,
      // The vote is on what dockhand answered with (none: on the "nothing found" reply).
      sectionId: question.hitIds[0] ?? '',
      value,
      votedAt: this.deps.clock.now(),
    });
    return this.question(questionId, who.guildId);
  }

  unanswered(scope: GuildScope, page: number, size: number): Page<QuestionSummary> {
    return paged(this.repository.countUnanswered(scope), page, size, (limit, offset) =>
      this.repository.unanswered(scope, limit, offset),
    );
  }

  history(userId: string, scope: GuildScope, page: number, size: number): Page<QuestionSummary> {
    return paged(this.repository.countAskedBy(userId, scope), page, size, (limit, offset) =>
      this.repository.askedBy(userId, scope, limit, offset),
    );
  }

  /** Newest first. */
  list(scope: GuildScope, options: { unanswered: boolean; limit: number }): QuestionSummary[] {
    return options.unanswered
      ? this.repository.unanswered(scope, options.limit)
      : this.repository.recent(scope, options.limit);
  }

  stats(scope: GuildScope): QaStats {
    return statsOf(this.repository, this.deps.knowledge, scope, this.deps.clock.now(), this.deps.timeZone);
  }

  export(scope: GuildScope): QaExport {
    return exportOf(this.repository.exportRows(scope), this.deps.clock.now());
  }

  recentAnswers(scope: GuildScope, limit: number): CommunityRow[] {
    return this.repository.recentAnswers(scope, limit);
  }

  forgetPreview(userId: string): { questions: number; votes: number; answers: number } {
    return this.forgetting.preview(userId);
  }

  /** Every row naming the member: their questions (with what others left on them), votes and answers. */
  forget(userId: string): Forgotten {
    const forgotten = this.forgetting.forget(userId);
    this.reindex();
    return forgotten;
  }

  /** Brings search up to date now (instead of at the next question); returns the ms it took. */
  private reindex(): number {
    const started = performance.now();
    this.community.refresh();
    return performance.now() - started;
  }
}

/** A guild sees its own questions and those asked outside any guild; the console and CLI see all. */
export function inScope(guildId: string | undefined, scope: GuildScope): boolean {
  return scope === undefined || guildId === undefined || guildId === scope;
}

function paged<T>(total: number, page: number, size: number, load: (limit: number, offset: number) => T[]): Page<T> {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  return { items: load(size, (current - 1) * size), page: current, pages, total };
}

export function unknownQuestion(id: number): UserError {
  return new UserError('unknown-question', {
    ko: `질문 ${numbered(id)} 찾을 수 없어요. \`/qa unanswered\`나 \`/qa history\`에서 번호를 확인해 주세요.`,
    en: `There is no question #${id}. See \`/qa unanswered\` or \`/qa history\` for numbers.`,
  });
}

/** A member's question quoted back: redacted, on one line, clipped. */
export function questionText(query: string, max = 200): string {
  return clip(redact(query).replace(/\s+/g, ' ').trim(), max);
}

/** "#3을" / "#2를": a number with its object particle. */
export function numbered(id: number): string {
  return `#${id}${endsWithBatchim(String(id)) ? '을' : '를'}`;
}
