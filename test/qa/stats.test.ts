import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { NewQuestion } from '../../src/store/questions.ts';
import { lastHeadings } from '../../src/knowledge/views.ts';
import { weekStart } from '../../src/qa/stats.ts';
import { testApp } from '../support/app.ts';
import { dataOf, JUN, MINJI, qa } from './support.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const LAB = 'notes/ch4-dockerfile#lab-4-2';

function record(current: App, askedAt: string, answered: boolean, top: string, guildId = 'g-1'): number {
  const question: NewQuestion = {
    askedAt: new Date(askedAt),
    userId: MINJI.id,
    userName: MINJI.name,
    guildId,
    channelId: 'c-1',
    transport: 'discord',
    locale: 'ko',
    query: `질문 ${askedAt}`,
    hitIds: [top, 'notes/ch1-cloud-computing#kubernetes'],
    topScore: answered ? 0.8 : 0.2,
    answered,
  };
  return current.services.store.questions.record(question);
}

function vote(current: App, questionId: number, userId: string, value: 1 | -1, votedAt: string): void {
  current.services.store.questions.vote({ questionId, userId, sectionId: 'x', value, votedAt: new Date(votedAt) });
}

describe('/qa stats', () => {
  it('this week starts on Monday 00:00 in the group’s zone', () => {
    // Saturday 18:00 in Seoul → Monday 00:00 KST = Sunday 15:00 UTC.
    expect(weekStart(new Date('2026-11-28T09:00:00Z'), 'Asia/Seoul').toISOString()).toBe('2026-11-22T15:00:00.000Z');
    // Monday 08:59 KST is still this week; Sunday 23:59 KST the week before.
    expect(weekStart(new Date('2026-11-22T23:59:00Z'), 'Asia/Seoul').toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(weekStart(new Date('2026-11-22T14:59:00Z'), 'Asia/Seoul').toISOString()).toBe('2026-11-15T15:00:00.000Z');
    expect(weekStart(new Date('2026-03-10T12:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });

  it('counts a known week exactly', async () => {
    app = await testApp(); // now: Saturday 2026-11-28 18:00 in Seoul
    // Last week (Sunday 23:59 KST): answered, 👎 last week too — still waiting for an answer.
    const last = record(app, '2026-11-22T14:59:00.000Z', true, 'notes/ch3-docker-usage#volumes');
    vote(app, last, JUN.id, -1, '2026-11-22T14:59:30.000Z');
    const lastOpen = record(app, '2026-11-20T00:00:00.000Z', false, 'notes/ch2-install#verify-install');
    // This week.
    const w1 = record(app, '2026-11-22T15:00:00.000Z', true, 'notes/ch3-docker-usage#volumes');
    record(app, '2026-11-23T01:00:00.000Z', true, LAB);
    record(app, '2026-11-24T01:00:00.000Z', true, `${LAB}~2`);
    const w4 = record(app, '2026-11-25T01:00:00.000Z', true, 'troubleshooting/compose-service-unreachable#causes');
    const open = record(app, '2026-11-26T01:00:00.000Z', false, 'notes/ch5-compose#commands');
    const byMember = record(app, '2026-11-27T01:00:00.000Z', false, 'notes/ch6-aws#ecr-upload');
    // Another guild's question is not counted here.
    record(app, '2026-11-27T02:00:00.000Z', true, LAB, 'g-2');
    vote(app, w1, JUN.id, 1, '2026-11-23T00:00:00.000Z');
    vote(app, w1, 'u-3', 1, '2026-11-23T00:00:00.000Z');
    vote(app, w4, JUN.id, -1, '2026-11-25T02:00:00.000Z');
    app.services.qa.answer(byMember, 'ECR 로그인부터', {
      id: JUN.id,
      name: JUN.name,
      isOrganizer: false,
      guildId: 'g-1',
    });

    const labSection = app.services.knowledge.section(LAB);
    if (!labSection) throw new Error(`${LAB} is gone from the notes`);
    const reply = await qa(app, 'stats', {}, MINJI);
    expect(dataOf(reply)).toEqual({
      since: '2026-11-22T15:00:00.000Z',
      until: '2026-11-28T09:00:00.000Z',
      timeZone: 'Asia/Seoul',
      asked: 6,
      answeredAtOnce: 4,
      answeredByMembers: 1,
      answersWritten: 1,
      unanswered: 4, // last (👎), lastOpen, w4 (👎), open
      up: 2,
      down: 1,
      helpfulRate: 0.667,
      topics: [
        { id: LAB, title: lastHeadings(labSection), chapter: 4, count: 2 },
        expect.objectContaining({ id: 'notes/ch3-docker-usage#volumes', chapter: 3, count: 1 }),
        expect.objectContaining({ id: 'troubleshooting/compose-service-unreachable#causes', count: 1 }),
      ],
      chapters: [
        { kind: 'note', chapter: 4, count: 2 },
        { kind: 'note', chapter: 3, count: 1 },
        { kind: 'playbook', count: 1 },
      ],
    });
    expect(reply.text).toContain('질문 **6**개 · 바로 답함 4 (67%) · 나중에 멤버가 답함 1');
    expect(reply.text).toContain('답을 기다리는 질문 **4**개');
    expect(reply.text).toContain('도움이 됐어요 **67%** (👍 2 · 👎 1)');
    expect(reply.fields?.[1]?.value).toBe('4장 — 2\n3장 — 1\n문제 해결 가이드 — 1');
    expect([lastOpen, open].every((id) => app?.services.qa.repository.question(id)?.needsAnswer)).toBe(true);
  });
});
