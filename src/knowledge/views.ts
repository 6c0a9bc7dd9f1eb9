import type { HitView } from '../core/reply.ts';
import type { SearchHit } from './search-engine.ts';
import type { Section } from './types.ts';

/** "3장 컨테이너 서비스를 위한 도커 활용 › 3.2 도커 명령어 활용 › 도커 볼륨" */
export function sectionTitle(section: Section): string {
  const title = section.headingPath.join(' › ');
  return section.passage && section.passage > 1 ? `${title} (${section.passage})` : title;
}

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
