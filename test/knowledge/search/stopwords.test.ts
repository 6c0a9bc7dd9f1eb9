import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.ts';
import { isStopword } from '../../../src/knowledge/search/stopwords.ts';
import { PROJECT_ROOT } from '../../../src/paths.ts';

let knowledge: KnowledgeBase;
beforeAll(() => {
  knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
});

describe('stop words: how members write', () => {
  it.each(['달라여', '달라염', '알려주세용', '되나여', '뭐에여', '궁금해욤'])('reads the chat ending of %s as 요', (word) => {
    expect(isStopword(word)).toBe(true);
  });

  it.each(['참여', '볼륨', '대여', '사용', '컨테이너'])('keeps %s, whose 요-spelling is no stop word', (word) => {
    expect(isStopword(word)).toBe(false);
  });

  it.each(['어케봄', '어케만듬', '어떻게해요', '만듬', '해봄', '사람입니다', '하더라구요', '실수로', '죄송한데요', '맥북', '중인', '골라요', '어캄', '살려줘', '존나', '레알', '땡큐', '머선'])(
    'drops %s: how members write, not what they ask about',
    (word) => {
      expect(isStopword(word)).toBe(true);
    },
  );

  it.each(['주는', '주고', '주면'])('drops the helping verb %s (뭘 해 주는 건가요): the asking, not a topic', (word) => {
    expect(isStopword(word)).toBe(true);
  });

  it.each(['뭐시기', '머시기', '까보는법', '따는법'])('drops the chat filler %s (권한 뭐시기, 로그 까보는법)', (word) => {
    expect(isStopword(word)).toBe(true);
  });

  it.each(['has', 'have', 'had'])('drops the English auxiliary %s: it says nothing about the topic', (word) => {
    expect(isStopword(word)).toBe(true);
  });

  it.each(['어케', '볼륨', '로그', '이미지'])('keeps the topic in %s-questions', (word) => {
    expect(isStopword(word)).toBe(word === '어케');
  });

  it('reads a chatty question by its topic: greetings, who is asking and slang endings weigh nothing', () => {
    for (const [chatty, plain] of [
      ['컨테이너 로그 어케봄 ㅋㅋ', '컨테이너 로그'],
      ['볼륨 어케 만듬?', '볼륨'],
      ['안녕하세요 도커 처음 공부하는 학생입니다. 실수로 볼륨을 지웠어요', '도커 볼륨을 지웠어요'],
    ] as const) {
      const asked = knowledge.search(chatty, 3);
      const topic = knowledge.search(plain, 3);
      expect(asked.hits[0]?.section.id, chatty).toBe(topic.hits[0]?.section.id);
      expect(asked.foreignShare, chatty).toBe(0);
      expect(asked.confident, chatty).toBe(topic.confident);
    }
  });

  it.each(['clear', 'help me', 'hello', '도와줘', 'ㅎㅇ', '안녕하세요'])('is not sure of anything for %s alone', (query) => {
    expect(knowledge.search(query, 3).confident).toBe(false);
  });

  it('answers a question ending in 여 as the one ending in 요', () => {
    const polite = knowledge.search('볼륨이랑 바인드 마운트 머가 달라요', 3);
    const chat = knowledge.search('볼륨이랑 바인드 마운트 머가 달라여', 3);
    expect(chat.hits.map((h) => [h.section.id, h.score])).toEqual(polite.hits.map((h) => [h.section.id, h.score]));
    expect(chat.confident).toBe(polite.confident);
  });
});
