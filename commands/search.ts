import { defineCommand } from '../src/core/command.ts';
import { PARTLY_READ, round, sectionTitle } from '../src/knowledge/views.ts';

/**
 * Raw retrieval for tools and evaluation (the CLI contract): whole section texts,
 * nothing recorded. Members use /ask.
 */
export default defineCommand({
  name: 'search',
  description: {
    ko: '노트 검색 결과를 그대로 보여줘요 (도구·평가용, 기록하지 않음)',
    en: 'Raw knowledge search results (for tools and evaluation; not recorded)',
  },
  transports: ['cli'],
  options: [
    {
      name: 'query',
      type: 'string',
      required: true,
      rest: true,
      description: { ko: '검색어', en: 'Search text' },
    },
    {
      name: 'limit',
      type: 'integer',
      min: 1,
      max: 50,
      description: { ko: '결과 수 (기본 5)', en: 'Number of hits (default 5)' },
    },
  ],
  run: ({ query, limit }, ctx) => {
    const result = ctx.knowledge.search(query, limit ?? 5);
    const hits = result.hits.map((hit) => ({
      id: hit.section.id,
      title: sectionTitle(hit.section),
      source: hit.section.source,
      score: round(hit.score),
      text: hit.section.text,
    }));
    return {
      title: ctx.t({ ko: `검색: ${query}`, en: `Search: ${query}` }),
      text: hits.length
        ? hits.map((h, i) => `${i + 1}. ${h.title}  (${h.score}, ${h.id})`).join('\n')
        : ctx.t({ ko: '결과가 없어요.', en: 'No hits.' }),
      ...(result.truncated && { footer: ctx.t(PARTLY_READ) }),
      data: { query, hits, ...(result.truncated && { truncated: true }) },
    };
  },
});
