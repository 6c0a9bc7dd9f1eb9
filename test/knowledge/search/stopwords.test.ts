import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.ts';
import { isStopword } from '../../../src/knowledge/search/stopwords.ts';
import { PROJECT_ROOT } from '../../../src/paths.ts';

describe('stop words: how members write', () => {
  it.each(['달라여', '달라염', '알려주세용', '되나여', '뭐에여', '궁금해욤'])('reads the chat ending of %s as 요', (word) => {
    expect(isStopword(word)).toBe(true);
  });

  it.each(['참여', '볼륨', '대여', '사용', '컨테이너'])('keeps %s, whose 요-spelling is no stop word', (word) => {
    expect(isStopword(word)).toBe(false);
  });

  it('answers a question ending in 여 as the one ending in 요', () => {
    const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
    const polite = knowledge.search('볼륨이랑 바인드 마운트 머가 달라요', 3);
    const chat = knowledge.search('볼륨이랑 바인드 마운트 머가 달라여', 3);
    expect(chat.hits.map((h) => [h.section.id, h.score])).toEqual(polite.hits.map((h) => [h.section.id, h.score]));
    expect(chat.confident).toBe(polite.confident);
  });
});
