import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { testApp } from '../support/app.ts';
import { ALEX, ask, dataOf, JUN, MINJI, OFF_NOTES, qa, SORA } from './support.ts';

type AppWithClock = Awaited<ReturnType<typeof testApp>>;
let app: AppWithClock | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Listed {
  total: number;
  page: number;
  pages: number;
  questions: Array<{ id: number; query: string; needsAnswer: boolean; up: number; down: number }>;
}

async function askAt(current: AppWithClock, query: string, who = MINJI) {
  current.clock.advance(60_000);
  return (await ask(current, query, who)).questionId;
}

describe('votes', () => {
  it('one per member per question, and a member can change theirs', async () => {
    app = await testApp();
    const id = await askAt(app, '볼륨이 뭐야');
    const vote = (direction: string, who = JUN) => qa(app as App, 'vote', { question: String(id), direction }, who);
    expect(dataOf(await vote('up'))).toMatchObject({ up: 1, down: 0 });
    expect(dataOf(await vote('up'))).toMatchObject({ up: 1, down: 0 });
    expect(dataOf(await vote('down'))).toMatchObject({ up: 0, down: 1 });
    // The 👍 button on the /ask reply is the same vote.
    await app.dispatcher.component(`ask:vote:${id}:up`, [], JUN);
    expect(app.services.qa.repository.question(id)).toMatchObject({ up: 1, down: 0 });
    expect(dataOf(await vote('down', ALEX))).toMatchObject({ up: 1, down: 1 });
    const rows = app.services.store.db.prepare('SELECT user_id FROM votes WHERE question_id = ?').pluck().all(id);
    expect(rows.sort()).toEqual([ALEX.id, JUN.id].sort());
    expect((await vote('sideways')).error?.code).toBe('invalid-option');
  });
});

describe('/qa unanswered', () => {
  it('lists questions with no good hit or outweighed by 👎, newest first, and not those answered since', async () => {
    app = await testApp();
    const noHit = await askAt(app, OFF_NOTES[0] ?? '');
    const answeredButDisliked = await askAt(app, '볼륨이 뭐야');
    const answeredAndLiked = await askAt(app, '바인드 마운트');
    const unsureButConfirmed = await askAt(app, OFF_NOTES[1] ?? '');
    const answeredByMember = await askAt(app, OFF_NOTES[2] ?? '');
    const mixed = await askAt(app, '도커 네트워크 만들기');
    const latestNoHit = await askAt(app, OFF_NOTES[3] ?? '');
    await qa(app, 'vote', { question: String(answeredButDisliked), direction: 'down' }, JUN);
    await qa(app, 'vote', { question: String(answeredAndLiked), direction: 'up' }, JUN);
    await qa(app, 'vote', { question: String(unsureButConfirmed), direction: 'up' }, MINJI);
    await qa(app, 'answer', { question: String(answeredByMember), text: '카프카는 bitnami/kafka 이미지로' }, JUN);
    await qa(app, 'vote', { question: String(mixed), direction: 'down' }, JUN);
    await qa(app, 'vote', { question: String(mixed), direction: 'up' }, ALEX);

    const listed = dataOf(await qa(app, 'unanswered', {}, ALEX)) as Listed;
    expect(listed.questions.map((q) => q.id)).toEqual([latestNoHit, answeredButDisliked, noHit]);
    expect(listed.total).toBe(3);
    // The CLI contract: the same, as an array, newest first.
    const cli = dataOf(await qa(app, 'list', { unanswered: true, limit: 2 }, ALEX)) as Array<{ id: number }>;
    expect(cli.map((q) => q.id)).toEqual([latestNoHit, answeredButDisliked]);
    const all = dataOf(await qa(app, 'list', {}, ALEX)) as Array<{ id: number }>;
    expect(all.map((q) => q.id)).toEqual([
      latestNoHit,
      mixed,
      answeredByMember,
      unsureButConfirmed,
      answeredAndLiked,
      answeredButDisliked,
      noHit,
    ]);

    const reply = await qa(app, 'unanswered', {}, ALEX);
    expect(reply.fields?.map((f) => f.name)).toEqual([`#${latestNoHit}`, `#${answeredButDisliked}`, `#${noHit}`]);
    expect(reply.fields?.[1]?.value).toContain('👎 1');
    // No asker names in a public list.
    expect(JSON.stringify(reply.fields)).not.toContain('민지');
  });

  it('pages with ◀ ▶ buttons whose custom ids carry the page', async () => {
    app = await testApp();
    const ids: number[] = [];
    for (const query of [...OFF_NOTES, `${OFF_NOTES[0] ?? ''} 다시`]) ids.push(await askAt(app, query));
    expect(ids).toHaveLength(9);
    const first = await qa(app, 'unanswered', {}, JUN);
    expect(dataOf(first) as Listed).toMatchObject({ total: 9, page: 1, pages: 2 });
    expect((dataOf(first) as Listed).questions.map((q) => q.id)).toEqual(ids.slice(-5).reverse());
    const [previous, next] = first.actions?.[0] ?? [];
    expect(previous).toMatchObject({ customId: 'qa:page:unanswered:0', disabled: true });
    expect(next).toMatchObject({ customId: 'qa:page:unanswered:2', disabled: false });
    const second = await app.dispatcher.component(next?.customId ?? '', [], JUN);
    expect(second.replaceOriginal).toBe(true);
    expect(dataOf(second) as Listed).toMatchObject({ page: 2, pages: 2 });
    expect((dataOf(second) as Listed).questions.map((q) => q.id)).toEqual(ids.slice(0, 4).reverse());
    expect(second.actions?.[0]?.[1]).toMatchObject({ customId: 'qa:page:unanswered:3', disabled: true });
    // A page past the end shows the last one.
    expect((dataOf(await app.dispatcher.component('qa:page:unanswered:7', [], JUN)) as Listed).page).toBe(2);
  });
});

describe('/qa history', () => {
  it('shows the caller their questions with the answers they got; others only to organizers', async () => {
    app = await testApp();
    const mine = await askAt(app, OFF_NOTES[0] ?? '');
    await askAt(app, '볼륨이 뭐야', JUN);
    await qa(app, 'answer', { question: String(mine), text: 'helm install 로 배포해요' }, JUN);
    const own = await qa(app, 'history', {}, MINJI);
    expect(own.ephemeral).toBe(true);
    expect(own.title).toBe('내 질문 1개');
    expect(own.fields?.[0]?.value).toContain('↳ 준: helm install 로 배포해요');
    expect((await qa(app, 'history', { user: MINJI.id }, JUN)).error?.code).toBe('organizer-only');
    const seen = await qa(app, 'history', { user: `<@${MINJI.id}>` }, SORA);
    expect(seen.title).toBe('민지의 질문 1개');
  });
});
