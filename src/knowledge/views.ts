import type { Localized } from '../core/locale.ts';
import type { HitView } from '../core/reply.ts';
import type { SearchHit } from './search-engine.ts';
import type { Section } from './types.ts';

/** "3장 컨테이너 서비스를 위한 도커 활용 › 3.2 도커 명령어 활용 › 도커 볼륨" */
export function sectionTitle(section: Section): string {
  return withPassage(section, headingPath(section));
}

/** sectionTitle without the passage number: every passage of a section shares it. */
export function headingPath(section: Section): string {
  return section.headingPath.join(' › ');
}

/**
 * The last two headings, for lists where the whole path is noise:
 * "3.2 도커 명령어 활용 › 도커 볼륨"; playbooks keep their title: "컨테이너 로그 보는 법 › 해결".
 */
export function shortSectionTitle(section: Section): string {
  return withPassage(section, lastHeadings(section));
}

/** shortSectionTitle without the passage number: every passage of a section shares it. */
export function lastHeadings(section: Section): string {
  const path = section.headingPath;
  const title = section.kind === 'playbook' ? [...path.slice(0, 1), ...path.slice(-1)] : path.slice(-2);
  return [...new Set(title)].join(' › ');
}

function withPassage(section: Section, title: string): string {
  return section.passage && section.passage > 1 ? `${title} (${section.passage})` : title;
}

/** Said under an answer when search read only the beginning of the question (SearchResult.truncated). */
export const PARTLY_READ: Localized = {
  ko: '질문이 길어서 앞부분만 읽고 찾았어요.',
  en: 'Your question was long, so I searched with its beginning only.',
};

export function hitView(hit: SearchHit): HitView {
  return {
    id: hit.section.id,
    title: sectionTitle(hit.section),
    source: hit.section.source,
    ...(hit.section.chapter !== undefined ? { chapter: hit.section.chapter } : {}),
    snippet: hit.snippet,
    score: round(hit.score),
  };
}

export function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
