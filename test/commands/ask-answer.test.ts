import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { firstAnswer } from '../../src/knowledge/first-answer.ts';
import { stripMarkup } from '../../src/knowledge/markup.ts';
import { member, testApp } from '../support/app.ts';

interface AskData {
  query: string;
  confident: boolean;
  hits: Array<{ id: string; score: number }>;
  answer: { title: string; text: string; sectionIds: string[] };
}

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const ask = (query: string): Promise<Reply> => app.dispatcher.run({ name: 'ask', options: { query } }, member());
const data = (reply: Reply) => reply.data as AskData;

describe('/ask answers the question first', () => {
  it('prints `answer`: the reply’s title and text as shown, without markup, and the sections they came from', async () => {
    const reply = await ask('port is already allocated');
    const { answer, hits } = data(reply);
    expect(answer).toEqual(firstAnswer(reply));
    expect(answer.title).toBe(reply.title);
    expect(answer.text).toBe(stripMarkup(reply.text ?? ''));
    expect(answer.text).not.toMatch(/\*\*|`/);
    expect(answer.sectionIds).toEqual([
      'troubleshooting/port-already-allocated#causes',
      'troubleshooting/port-already-allocated#check',
      'troubleshooting/port-already-allocated#fix',
    ]);
    // The sections ask served: the answer's own first, then the others it offers.
    expect(hits.slice(0, 3).map((h) => h.id)).toEqual(answer.sectionIds);
    // "Also see" and the menu keep the other sections, not the ones the answer already shows.
    const alsoSee = reply.fields?.find((f) => f.name === '함께 보면 좋은 곳')?.value ?? '';
    expect(alsoSee).not.toMatch(/› 원인 \(|› 확인 방법 \(|› 해결 \(/);
  });

  it('has an empty `answer.sectionIds` when it is not sure, and still the closest sections in hits', async () => {
    const reply = await ask('쿠버네티스 헬름 차트로 파드 배포하기');
    expect(data(reply).confident).toBe(false);
    expect(data(reply).answer).toMatchObject({ title: '노트에서 확실한 답을 찾지 못했어요', sectionIds: [] });
    expect(data(reply).hits.length).toBeGreaterThan(0);
  });

  it('answers a question that mentions people or roles as it answers the plain question', async () => {
    const plain = data(await ask('볼륨이 뭐예요?'));
    for (const marked of [
      '@everyone 볼륨이 뭐예요?',
      '<@123456789012345678> 볼륨이 뭐예요?',
      '<@&987> **볼륨**이 ||뭐예요||?',
    ]) {
      const reply = data(await ask(marked));
      expect(reply.confident, marked).toBe(true);
      expect(reply.answer.sectionIds, marked).toEqual(plain.answer.sectionIds);
    }
  });

  it('reads spacing, slang and particles as the same question', async () => {
    const spaced = data(await ask('볼륨이 뭐야'));
    const glued = data(await ask('볼륨이뭐야'));
    expect(glued.confident).toBe(true);
    expect(glued.answer.sectionIds).toEqual(spaced.answer.sectionIds);
    const slang = data(await ask('볼륨 어케 만듦?'));
    expect(slang.confident).toBe(true);
    expect(slang.answer.sectionIds).toEqual(['notes/ch3-docker-usage#volumes']);
  });

  it('accepts a pasted output up to Discord’s 6,000 characters and answers about its error line', async () => {
    const log = Array.from({ length: 30 }, (_, i) => `myweb-1  | [info] request ${i} served in 3 ms`).join('\n');
    const paste =
      `$ docker compose up -d\n${log}\n` +
      'Error response from daemon: driver failed programming external connectivity on endpoint myapp-myweb-1 ' +
      '(8e2f4c6a1b3d5e7f9a0b2c4d6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d1e2f): Bind for 0.0.0.0:8080 failed: port is already allocated\n' +
      '어제까지 잘 됐는데 갑자기 이래요 뭘 확인해야 하나요';
    expect(paste.length).toBeGreaterThan(1000);
    const reply = await ask(paste);
    expect(reply.error).toBeUndefined();
    expect(data(reply).confident).toBe(true);
    expect(reply.title).toBe('port is already allocated: 포트가 이미 사용 중이에요');
    expect(reply.text).toMatch(/^\*\*읽은 오류\*\*: `driver failed programming .*port is already allocated`/);
    expect(reply.text).toContain('`/diagnose myapp-myweb-1`');
    // The whole paste is recorded as the question.
    expect(app.services.store.questions.recent(1)[0]?.query).toBe(paste);
  });

  it('is sure of a pasted error the notes quote, and leads with its cause', async () => {
    const reply = await ask(
      'docker: Error response from daemon: Conflict. The container name "/web" is already in use by container ' +
        '"9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d". You have to remove (or rename) that container.',
    );
    expect(data(reply).confident).toBe(true);
    expect(reply.text).toMatch(/^\*\*가장 흔한 원인: 125: 도커가 컨테이너를 실행하지 못함\*\*/);
    expect(reply.text).toContain('`docker rm web`');
  });

  it('refuses more than Discord allows in one option', async () => {
    const reply = await ask('x'.repeat(6001));
    expect(reply.error?.code).toBe('invalid-option');
  });

  it('quotes a long question back only in part when it has no sure answer', async () => {
    const reply = await ask(`헬름 차트 ${'쿠버네티스 '.repeat(60)}`);
    expect(data(reply).confident).toBe(false);
    expect(reply.text).toMatch(/`헬름 차트 쿠버네티스 .*…`에 딱 맞는 내용을/);
    expect(reply.text?.length).toBeLessThan(400);
  });
});

describe('search --json', () => {
  it('lists hits in score order', async () => {
    const cli = member({ transport: 'cli' });
    for (const query of [
      '컨테이너를 이미지로 바꾸려면요?',
      'nginx 기본 페이지만 떠요',
      '137?',
      'what is a docker volume',
      '도커 볼륨',
    ]) {
      const reply = await app.dispatcher.run({ name: 'search', options: { query, limit: 10 } }, cli);
      const scores = (reply.data as { hits: Array<{ score: number }> }).hits.map((h) => h.score);
      expect(scores, query).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});
