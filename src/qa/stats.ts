import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { lastHeadings } from '../knowledge/views.ts';
import { localToUtc, wallClock } from '../reminders/zone.ts';
import type { GuildScope, QaRepository } from '../store/qa.ts';
import { sectionBaseId } from '../knowledge/sections.ts';

const TOP = 5;

export interface TopicCount {
  /** The section (without its passage number) or `qa#<id>`. */
  id: string;
  title: string;
  chapter?: number;
  count: number;
}

export interface ChapterCount {
  /** `note` with its chapter, `playbook` for the troubleshooting guides, `community` for members' answers. */
  kind: 'note' | 'playbook' | 'community';
  chapter?: number;
  count: number;
}

/** `/qa stats`: this week (Monday 00:00 in the group's zone until now), and what is open now. */
export interface QaStats {
  since: Date;
  until: Date;
  timeZone: string;
  asked: number;
  /** /ask had a good hit (a note, or a member's earlier answer). */
  answeredAtOnce: number;
  answeredByMembers: number;
  answersWritten: number;
  /** Questions still waiting for an answer, whenever asked. */
  unanswered: number;
  up: number;
  down: number;
  /** 👍 / (👍 + 👎) of the week's votes; null without votes. */
  helpfulRate: number | null;
  topics: TopicCount[];
  chapters: ChapterCount[];
}

export function statsOf(
  repository: QaRepository,
  knowledge: KnowledgeBase,
  scope: GuildScope,
  now: Date,
  timeZone: string,
): QaStats {
  const since = weekStart(now, timeZone);
  const week = repository.week(scope, since);
  const topics = new Map<string, TopicCount>();
  const chapters = new Map<string, ChapterCount>();
  for (const { sectionId, count } of repository.weekTopSections(scope, since)) {
    const id = sectionBaseId(sectionId);
    const section = knowledge.section(sectionId);
    const topic = topics.get(id) ?? {
      id,
      title: section ? (section.kind === 'community' ? section.heading : lastHeadings(section)) : id,
      ...(section?.chapter !== undefined ? { chapter: section.chapter } : {}),
      count: 0,
    };
    topic.count += count;
    topics.set(id, topic);
    const kind = section?.kind ?? (sectionId.startsWith('qa#') ? 'community' : 'note');
    const key = `${kind}:${section?.chapter ?? ''}`;
    if (!section && kind === 'note') continue; // a section the notes no longer have
    const chapter = chapters.get(key) ?? {
      kind,
      ...(kind === 'note' && section?.chapter !== undefined ? { chapter: section.chapter } : {}),
      count: 0,
    };
    chapter.count += count;
    chapters.set(key, chapter);
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    since,
    until: now,
    timeZone,
    ...week,
    unanswered: repository.countUnanswered(scope),
    helpfulRate: week.up + week.down > 0 ? week.up / (week.up + week.down) : null,
    topics: [...topics.values()].sort((a, b) => byCount(a, b) || a.id.localeCompare(b.id)).slice(0, TOP),
    chapters: [...chapters.values()]
      .sort((a, b) => byCount(a, b) || (a.chapter ?? 99) - (b.chapter ?? 99))
      .slice(0, TOP),
  };
}

/** Monday 00:00 of the week `now` is in, on the wall clock of `zone`. */
export function weekStart(now: Date, zone: string): Date {
  const today = wallClock(now, zone);
  const back = (today.weekday + 6) % 7;
  const monday = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
  return new Date(
    localToUtc(
      {
        year: monday.getUTCFullYear(),
        month: monday.getUTCMonth() + 1,
        day: monday.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      },
      zone,
    ),
  );
}
