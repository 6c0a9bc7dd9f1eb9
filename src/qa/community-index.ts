import { redact } from '../core/redact.ts';
import { defaultEngine, type EngineFactory, type HitSource, type SearchScope } from '../knowledge/knowledge-base.ts';
import type { SearchEngine, SearchHit } from '../knowledge/search-engine.ts';
import type { GlossaryTerm, KnowledgeDoc, Section } from '../knowledge/types.ts';
import type { AnswerRecord, QaRepository } from '../store/qa.ts';
import { coverageOf } from './overlap.ts';

/** The "document" members' answers belong to, as hits show it. */
export const COMMUNITY_TITLE = '커뮤니티 답변';

/**
 * An earlier answered question counts as the same question when its search score reaches this
 * (the new question's words are in it) and the new question repeats at least REPEATED_SHARE of
 * its own words (src/qa/overlap.ts). Then `/ask` shows it as "비슷한 질문", and an accepted answer
 * to it goes before every note. Set between the paraphrases and the merely related questions of
 * test/qa/similar.test.ts.
 */
export const SIMILAR_THRESHOLD = 0.55;
export const REPEATED_SHARE = 0.5;

/** The BM25 stage hands this many candidates to the re-ranking; asking for more returns no more. */
const CANDIDATES = 20;

/** An answered question as search and `/ask` see it. */
export interface CommunityEntry {
  questionId: number;
  /** The question as asked, redacted. */
  question: string;
  guildId?: string | undefined;
  hidden: boolean;
  askedAt: Date;
  /** Accepted first, then in the order written. */
  answers: AnswerRecord[];
  accepted?: AnswerRecord | undefined;
  section: Section;
}

interface Ranked {
  hit: SearchHit;
  entry: CommunityEntry;
  similar: boolean;
  leads: boolean;
}

export interface SimilarQuestion {
  entry: CommunityEntry;
  score: number;
}

/** What the background of the index is: the notes, so scores mean what the notes' scores mean. */
export interface Background {
  sections: Section[];
  glossary: GlossaryTerm[];
  docs: KnowledgeDoc[];
}

export function communityId(questionId: number): string {
  return `qa#${questionId}`;
}

/** `qa#12` → 12. */
export function questionIdOf(sectionId: string): number | undefined {
  const match = /^qa#(\d+)$/.exec(sectionId);
  return match ? Number(match[1]) : undefined;
}

/**
 * Members' answers as a second search source beside the notes (`KnowledgeBase.addSource`): one
 * document per answered question — the question as its heading, its answers as its text —
 * searched with the notes' own engine. The notes are indexed with them as background, only the
 * answers are returned: a question's words then weigh what they weigh in the notes, so scores
 * compare with the notes' and with the confidence threshold (alone, a handful of answers makes
 * every shared word look rare and any overlap look like a match).
 *
 * The index follows the database: before a search it checks whether anything was written since
 * (this connection's change count, or another process's commit), and rebuilds when the answers
 * changed. Answers are few; a rebuild is one index build over the notes plus them (docs/qa.md).
 */
export class CommunityIndex implements HitSource {
  private entries = new Map<number, CommunityEntry>();
  private engine: SearchEngine | undefined;
  private seenChanges = '';
  private seenAnswers: string | undefined;

  constructor(
    private readonly repository: QaRepository,
    private readonly background: Background,
    private readonly engineFactory: EngineFactory = defaultEngine,
  ) {}

  /** Rebuilds if the answers changed since the last look. */
  refresh(): void {
    const changes = this.repository.changeCounter();
    if (changes === this.seenChanges) return;
    this.seenChanges = changes;
    const version = this.repository.answersVersion();
    if (version === this.seenAnswers) return;
    this.seenAnswers = version;
    this.rebuild();
  }

  search(query: string, limit: number, scope: SearchScope): { hits: SearchHit[]; leading: number } {
    const found = this.rank(query, scope);
    const leading = found.filter((f) => f.leads).map((f) => f.hit);
    const others = found.filter((f) => !f.leads).map((f) => f.hit);
    return { hits: [...leading, ...others].slice(0, limit), leading: Math.min(leading.length, limit) };
  }

  /** The earlier answered question closest to `query`, if it reads as the same question (accepted answers first). */
  similar(query: string, scope: SearchScope): SimilarQuestion | undefined {
    const best = this.rank(query, scope).find((f) => f.similar);
    return best ? { entry: best.entry, score: best.hit.score } : undefined;
  }

  section(id: string): Section | undefined {
    const questionId = questionIdOf(id);
    if (questionId === undefined) return undefined;
    this.refresh();
    return this.entries.get(questionId)?.section;
  }

  /** Community hits: those that lead (similar, with an accepted answer) first, then the other similar ones, then by score. */
  private rank(query: string, scope: SearchScope): Ranked[] {
    this.refresh();
    if (!this.engine) return [];
    const found: Ranked[] = [];
    for (const hit of this.engine.search(query, CANDIDATES).hits) {
      const questionId = hit.section.kind === 'community' ? questionIdOf(hit.section.id) : undefined;
      const entry = questionId === undefined ? undefined : this.entries.get(questionId);
      if (!entry || !visibleIn(entry, scope)) continue;
      const similar = hit.score >= SIMILAR_THRESHOLD && coverageOf(entry.question, query) >= REPEATED_SHARE;
      found.push({ hit, entry, similar, leads: similar && entry.accepted !== undefined });
    }
    return found.sort(
      (a, b) => Number(b.leads) - Number(a.leads) || Number(b.similar) - Number(a.similar) || b.hit.score - a.hit.score,
    );
  }

  private rebuild(): void {
    const entries = new Map<number, CommunityEntry>();
    for (const row of this.repository.communityAnswers()) {
      let entry = entries.get(row.questionId);
      if (!entry) {
        const question = redact(row.query);
        entry = {
          questionId: row.questionId,
          question,
          guildId: row.guildId,
          hidden: row.hidden,
          askedAt: row.askedAt,
          answers: [],
          section: emptySection(row.questionId, question),
        };
        entries.set(row.questionId, entry);
      }
      entry.answers.push(row.answer);
      if (row.answer.status === 'accepted') entry.accepted = row.answer;
    }
    for (const entry of entries.values()) entry.section.text = entry.answers.map((a) => a.text).join('\n\n');
    this.entries = entries;
    const sections = [...entries.values()].map((e) => e.section);
    const { background } = this;
    this.engine = sections.length
      ? this.engineFactory([...background.sections, ...sections], background.glossary, background.docs)
      : undefined;
  }
}

function emptySection(questionId: number, question: string): Section {
  const id = communityId(questionId);
  return {
    id,
    docId: 'qa',
    anchor: String(questionId),
    heading: question,
    headingPath: [COMMUNITY_TITLE, question],
    level: 2,
    text: '',
    aliases: [],
    source: id,
    kind: 'community',
  };
}

function visibleIn(entry: CommunityEntry, scope: SearchScope): boolean {
  return scope.guildId === undefined || entry.guildId === undefined || entry.guildId === scope.guildId;
}
