import { afterEach, describe, expect, it } from 'vitest';
import { readableRefs } from '../../src/knowledge/answer/refs.ts';
import { member, testApp } from '../support/app.ts';
import { defined } from '../support/defined.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('/ask with the calibrated threshold', () => {
  it('says there is no good answer, offers the closest titles and records the question as unanswered', async () => {
    const app = await testApp();
    close = app.close;
    const reply = await app.dispatcher.run(
      { name: 'ask', options: { query: '쿠버네티스 헬름 차트로 파드 배포하기' } },
      member(),
    );
    expect(reply.tone).toBe('warning');
    expect(reply.title).toMatch(/찾지 못했어요/);
    expect(reply.actions?.[0]?.map((b) => b.customId)).toEqual([
      expect.stringMatching(/^ask:vote:\d+:up$/),
      expect.stringMatching(/^ask:vote:\d+:down$/),
      expect.stringMatching(/^ask:full:\d+$/),
    ]);
    const select = reply.actions?.[1]?.[0];
    expect(select?.kind).toBe('select');
    expect(select && 'options' in select ? select.options.length : 0).toBeGreaterThan(0);
    expect(reply.fields?.[0]?.name).toMatch(/^가장 가까운 내용: /);
    expect(reply.text).toContain('`쿠버네티스 헬름 차트로 파드 배포하기`에 딱 맞는 내용을 노트에서 찾지 못했어요');
    expect(reply.text).toContain('가장 가까운 내용을 아래에 두었으니');
    const [unanswered] = app.services.store.questions.unanswered(5);
    expect(unanswered?.query).toBe('쿠버네티스 헬름 차트로 파드 배포하기');
    expect(unanswered?.answered).toBe(false);
  });

  it('echoes the question as inline code, so its Markdown and links show literally', async () => {
    const app = await testApp();
    close = app.close;
    const reply = await app.dispatcher.run(
      { name: 'ask', options: { query: '**헬름** [차트](https://evil.example) `x`' } },
      member(),
    );
    expect(reply.text).toContain('`**헬름** [차트](https://evil.example) ˋxˋ`');
  });

  it('answers a typo-ridden question and records it as answered', async () => {
    const app = await testApp();
    close = app.close;
    const reply = await app.dispatcher.run({ name: 'ask', options: { query: '바인드 마은트 경로는?' } }, member());
    expect(reply.tone).toBe('info');
    expect(reply.title).toMatch(/바인드 마운트/);
    expect(app.services.store.questions.unanswered(5)).toEqual([]);
  });

  it('📖 opens the whole answered section privately, and the menu opens the other hits', async () => {
    const app = await testApp();
    close = app.close;
    const reply = await app.dispatcher.run({ name: 'ask', options: { query: '도커 볼륨 만들기' } }, member());
    const full = defined(
      reply.actions?.[0]?.find((a) => a.kind === 'button' && a.customId.startsWith('ask:full:')),
      'a 📖 button',
    );
    const opened = await app.dispatcher.component(full.customId, [], member());
    const best = defined((reply.data as { hits: Array<{ id: string }> }).hits[0], 'a hit');
    const section = defined(app.services.knowledge.section(best.id), 'the hit section');
    // The whole section as written, its cross-references by their titles.
    expect(opened).toMatchObject({ ephemeral: true, text: readableRefs(section.text, app.services.knowledge) });
    const menu = reply.actions?.[1]?.[0];
    expect(menu?.kind === 'select' && menu.options.length).toBeGreaterThan(0);
    if (menu?.kind !== 'select') return;
    const choice = defined(menu.options[0], 'a menu option');
    const other = await app.dispatcher.component(menu.customId, [choice.value], member());
    const picked = defined(app.services.knowledge.section(choice.value));
    expect(other.text).toBe(readableRefs(picked.text, app.services.knowledge));
    expect(other.text).not.toMatch(/\b(?:notes|troubleshooting)\/[a-z0-9-]+#/);
  });

  it('autocompletes partial input with titles', async () => {
    const app = await testApp();
    close = app.close;
    const choices = await app.dispatcher.autocomplete({ name: 'ask' }, 'query', '도커 볼', member());
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0]?.name).toMatch(/도커 볼륨/);
  });
});
