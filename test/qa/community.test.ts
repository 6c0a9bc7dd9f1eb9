import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { Reply } from '../../src/core/reply.ts';
import { CONFIDENCE_THRESHOLD } from '../../src/knowledge/knowledge-base.ts';
import { testApp } from '../support/app.ts';
import { ALEX, ask, dataOf, JUN, MINJI, OFF_NOTES, qa, SORA, STRANGER } from './support.ts';

const open: App[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

async function start(env: Record<string, string> = {}) {
  const app = await testApp(env);
  open.push(app);
  return app;
}

const HELM = OFF_NOTES[0] ?? '';
/** `search` is a CLI command: the terminal, no guild. */
const CLI = { ...MINJI, transport: 'cli' as const, guildId: undefined, channelId: undefined };
const HELM_ANSWER =
  'helm repo add 로 차트 저장소를 추가하고 `helm install <이름> <차트>` 로 배포해요. 값은 -f values.yaml 로 바꿔요.';

interface AnswerData {
  answerId: number;
  questionId: number;
  source: string;
  status: string;
  notified: string | null;
  redacted: boolean;
  indexMs: number;
}

interface SearchData {
  hits: Array<{ id: string; source: string; title: string; score: number; text: string }>;
}

describe('community answers', () => {
  it('are stored, searchable at once as qa#<id>, survive a restart and are still searchable after it', async () => {
    const first = await start();
    const asked = await ask(first, HELM, MINJI);
    expect(asked.tone).toBe('warning');
    const answered = await qa(first, 'answer', { question: String(asked.questionId), text: HELM_ANSWER }, JUN);
    const data = dataOf(answered) as AnswerData;
    expect(data).toMatchObject({ questionId: asked.questionId, source: `qa#${asked.questionId}`, status: 'posted' });
    expect(answered.title).toBe(`💬 질문 #${asked.questionId}에 답변이 달렸어요`);
    expect(answered.text).toContain(HELM_ANSWER);
    expect(answered.footer).toContain(`커뮤니티 답변 qa#${asked.questionId}로`);

    // In search at once, with its source; shown as a community answer.
    const found = dataOf(
      await first.dispatcher.run({ name: 'search', options: { query: '헬름 차트 배포 방법', limit: 5 } }, CLI),
    ) as SearchData;
    const hit = found.hits.find((h) => h.source === `qa#${asked.questionId}`);
    expect(hit).toMatchObject({ id: `qa#${asked.questionId}`, title: `커뮤니티 답변 › ${HELM}`, text: HELM_ANSWER });
    await first.close();

    const second = await start({ DOCKHAND_DB: first.dbPath });
    const again = dataOf(
      await second.dispatcher.run({ name: 'search', options: { query: '헬름 차트 배포 방법', limit: 5 } }, CLI),
    ) as SearchData;
    expect(again.hits[0]).toMatchObject({ id: `qa#${asked.questionId}`, source: `qa#${asked.questionId}` });
    expect(again.hits[0]?.score).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
    // /ask now answers with it, and names the earlier question.
    const reply = await ask(second, '헬름 차트로 파드 배포하려면', ALEX);
    expect(reply.title).toBe(`커뮤니티 답변 › ${HELM}`);
    expect(reply.fields?.find((f) => f.name === 'Where')?.value).toBe('Community answer');
    expect(reply.fields?.find((f) => f.name === 'Source')?.value).toBe(`\`qa#${asked.questionId}\``);
    expect(reply.fields?.[0]?.name).toBe(`Similar question #${asked.questionId}`);
    expect(reply.data).toMatchObject({
      confident: true,
      similar: { questionId: asked.questionId, answerId: data.answerId, accepted: false },
    });
    // 📖 on that reply opens the community answer (its section resolves through the knowledge base).
    const full = await second.dispatcher.component(`ask:full:${reply.questionId}`, [], ALEX);
    expect(full.text).toBe(HELM_ANSWER);
  });

  it('an answer written through another connection to the file is found without a restart', async () => {
    const app = await start();
    const asked = await ask(app, HELM, MINJI);
    expect(
      app.services.knowledge.search('헬름 차트 배포 방법', 5).hits.some((h) => h.section.kind === 'community'),
    ).toBe(false);
    const other = await testApp({ DOCKHAND_DB: app.dbPath });
    await qa(other, 'answer', { question: String(asked.questionId), text: HELM_ANSWER }, JUN);
    await other.close();
    const hits = app.services.knowledge.search('헬름 차트 배포 방법', 5).hits;
    expect(hits[0]?.section.id).toBe(`qa#${asked.questionId}`);
  });

  it('an accepted answer goes first for a similar question, before notes that score as well', async () => {
    const app = await start();
    // A question the notes do answer, answered by a member too.
    const asked = await ask(app, '도커 볼륨 만들기', MINJI);
    const notesFirst = app.services.knowledge.search('도커 볼륨을 만들려면 뭐가 필요해요', 3).hits[0];
    expect(notesFirst?.section.kind).toBe('note');
    const saved = dataOf(
      await qa(
        app,
        'answer',
        { question: String(asked.questionId), text: 'docker volume create 이름 으로 만들어요.' },
        JUN,
      ),
    ) as AnswerData;
    // Not accepted yet: merged by score, below the notes' section that scores higher.
    expect(app.services.knowledge.search('도커 볼륨을 만들려면 뭐가 필요해요', 3).hits[0]?.section.kind).toBe('note');
    // Only the asker or an organizer may mark it.
    const refused = await app.dispatcher.component(`qa:accept:${saved.answerId}`, [], ALEX);
    expect(refused.error?.code).toBe('not-the-asker');
    const accepted = await app.dispatcher.component(`qa:accept:${saved.answerId}`, [], MINJI);
    expect(accepted.replaceOriginal).toBe(true);
    expect(accepted.title).toBe(`✅ 질문 #${asked.questionId}의 채택된 답변`);
    expect(accepted.actions?.[0]?.[0]).toMatchObject({ disabled: true, label: '채택됨' });
    expect(accepted.mentionUsers).toBeUndefined();
    const hits = app.services.knowledge.search('도커 볼륨을 만들려면 뭐가 필요해요', 3).hits;
    expect(hits[0]?.section.id).toBe(`qa#${asked.questionId}`);
    expect(hits[1]?.section.id).toBe(notesFirst?.section.id);
    // A merely related question keeps the notes first.
    expect(app.services.knowledge.search('볼륨 삭제', 3).hits[0]?.section.kind).toBe('note');
  });

  it('answers a rephrased question with the member answer, though its words are foreign to the notes', async () => {
    const app = await start();
    const asked = await ask(app, 'helm 차트로 배포하는 법', MINJI);
    expect(asked.data).toMatchObject({ confident: false });
    await qa(app, 'answer', { question: String(asked.questionId), text: HELM_ANSWER }, JUN);
    const again = await ask(app, 'helm으로 배포하려면?', ALEX);
    expect(again.data).toMatchObject({ confident: true, similar: { questionId: asked.questionId } });
    expect(again.text).toContain('helm install');
    // Off-topic words alone still leave the notes unsure.
    expect((await ask(app, 'kubectl rollout 하는 법', ALEX)).data).toMatchObject({ confident: false });
  });

  it('tells the asker in the channel, mentioning only them — not when they asked privately, nor themselves', async () => {
    const app = await start();
    const open = await ask(app, OFF_NOTES[1] ?? '', MINJI);
    const reply = await qa(
      app,
      'answer',
      { question: String(open.questionId), text: '프로메테우스는 @everyone 보세요' },
      JUN,
    );
    expect(reply.mentionUsers).toEqual([{ id: MINJI.id, name: '민지' }]);
    expect(reply.ephemeral).toBeUndefined();
    expect((dataOf(reply) as AnswerData).notified).toBe(MINJI.id);

    const hidden = await ask(app, OFF_NOTES[2] ?? '', MINJI, true);
    const quiet = await qa(
      app,
      'answer',
      { question: String(hidden.questionId), text: '카프카는 bitnami 이미지로' },
      JUN,
    );
    expect(quiet.mentionUsers).toBeUndefined();
    expect(quiet.text).not.toContain('민지');
    expect(quiet.text).toContain('나만 보기');

    const own = await qa(app, 'answer', { question: String(open.questionId), text: '스스로 찾았어요' }, MINJI);
    expect(own.mentionUsers).toBeUndefined();
  });

  it('keeps secrets out of answers and refuses empty or unknown ones', async () => {
    const app = await start();
    const asked = await ask(app, OFF_NOTES[3] ?? '', MINJI);
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;
    const reply = await qa(
      app,
      'answer',
      { question: String(asked.questionId), text: `GITHUB_TOKEN=${token} 로 로그인` },
      JUN,
    );
    expect((dataOf(reply) as AnswerData).redacted).toBe(true);
    expect(JSON.stringify(reply)).not.toContain(token);
    expect(app.services.qa.answersTo(asked.questionId)[0]?.text).not.toContain(token);
    expect((await qa(app, 'answer', { question: String(asked.questionId), text: '   ' }, JUN)).error?.code).toBe(
      'empty-answer',
    );
    expect((await qa(app, 'answer', { question: '9999', text: 'x' }, JUN)).error?.code).toBe('unknown-question');
    expect((await qa(app, 'answer', { question: 'abc', text: 'x' }, JUN)).error?.code).toBe('invalid-option');
  });

  it('stays inside its guild: another guild cannot answer, see or find it', async () => {
    const app = await start();
    const asked = await ask(app, HELM, MINJI);
    await qa(app, 'answer', { question: String(asked.questionId), text: HELM_ANSWER }, JUN);
    expect((await qa(app, 'answer', { question: String(asked.questionId), text: 'x' }, STRANGER)).error?.code).toBe(
      'unknown-question',
    );
    const elsewhere = await ask(app, '헬름 차트로 파드 배포하려면', STRANGER);
    expect(elsewhere.data).not.toHaveProperty('similar');
    expect(servedSources(elsewhere).some((source) => source.startsWith('qa#'))).toBe(false);
    // The console and CLI (no guild) see everything.
    const cli = await ask(app, '헬름 차트로 파드 배포하려면', CLI);
    expect(servedSources(cli)[0]).toBe(`qa#${asked.questionId}`);
  });

  it('organizers remove an answer, and it leaves search at once; members may not', async () => {
    const app = await start();
    const asked = await ask(app, HELM, MINJI);
    const { answerId } = dataOf(
      await qa(app, 'answer', { question: String(asked.questionId), text: HELM_ANSWER }, JUN),
    ) as AnswerData;
    expect((await qa(app, 'remove-answer', { answer: String(answerId) }, JUN)).error?.code).toBe('organizer-only');
    const removed = await qa(app, 'remove-answer', { answer: String(answerId) }, SORA);
    expect(removed.ephemeral).toBe(true);
    expect(
      app.services.knowledge.search('헬름 차트 배포 방법', 5).hits.some((h) => h.section.kind === 'community'),
    ).toBe(false);
    expect(app.services.knowledge.section(`qa#${asked.questionId}`)).toBeUndefined();
    // Back on the unanswered list.
    const open = dataOf(await qa(app, 'unanswered', {}, JUN)) as { questions: Array<{ id: number }> };
    expect(open.questions.map((q) => q.id)).toEqual([asked.questionId]);
  });
});

/** The sources of the sections ask served (its `--json` hits), in order. */
function servedSources(reply: Reply): string[] {
  return (dataOf(reply) as { hits: { source: string }[] }).hits.map((h) => h.source);
}
