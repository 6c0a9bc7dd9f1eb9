import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { FORGOTTEN_MEMBER } from '../../src/store/qa-forget.ts';
import { testApp } from '../support/app.ts';
import { ask, dataOf, JUN, MINJI, OFF_NOTES, qa, SORA } from './support.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Every cell of every table that holds `needle` (the check does not rely on knowing the schema). */
function cellsHolding(db: Database, needle: string): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const found: string[] = [];
  for (const table of tables) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
    for (const column of columns) {
      const n = db
        .prepare(`SELECT count(*) FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0`)
        .pluck()
        .get(needle) as number;
      if (n) found.push(`${table}.${column}: ${n}`);
    }
  }
  return found;
}

async function seed(current: App) {
  const mine = await ask(current, OFF_NOTES[0] ?? '', MINJI);
  const mineToo = await ask(current, '볼륨이 뭐야', MINJI);
  const juns = await ask(current, OFF_NOTES[1] ?? '', JUN);
  // Others answer and vote on minji's question; minji answers and votes on jun's.
  await qa(current, 'answer', { question: String(mine.questionId), text: '헬름은 helm install 로' }, JUN);
  await qa(current, 'vote', { question: String(mineToo.questionId), direction: 'up' }, JUN);
  await qa(current, 'answer', { question: String(juns.questionId), text: '민지의 답: 프로메테우스 exporter' }, MINJI);
  await qa(current, 'vote', { question: String(juns.questionId), direction: 'down' }, MINJI);
  await current.dispatcher.component(`ask:vote:${mineToo.questionId}:up`, [], MINJI);
  // A reminder minji created as an organizer.
  await current.dispatcher.run(
    { name: 'remind', subcommand: 'add', options: { schedule: '매주 수요일 20:00', message: '실습' } },
    { ...MINJI, isOrganizer: true },
  );
  return { mine, mineToo, juns };
}

describe('/qa forget-me', () => {
  it('removes every row that names the member, in every table, and keeps everyone else’s', async () => {
    app = await testApp();
    const { juns } = await seed(app);
    const db = app.services.store.db;
    expect(cellsHolding(db, MINJI.id).length).toBeGreaterThan(0);
    expect(cellsHolding(db, MINJI.name).length).toBeGreaterThan(0);
    const junRowsBefore = cellsHolding(db, JUN.id);

    const reply = await qa(app, 'forget-me', { confirm: true }, MINJI);
    expect(reply.ephemeral).toBe(true);
    expect((dataOf(reply) as { forgotten: unknown }).forgotten).toEqual({
      questions: 2,
      votes: 2,
      answers: 1,
      othersOnTheirQuestions: 2,
      remindersUnnamed: 1,
    });
    expect(cellsHolding(db, MINJI.id)).toEqual([]);
    expect(cellsHolding(db, MINJI.name)).toEqual([]);
    // Jun's own question stays; only what jun left on minji's questions went with them.
    expect(app.services.qa.repository.question(juns.questionId)).toMatchObject({ answers: 0, up: 0, down: 0 });
    expect(cellsHolding(db, JUN.id).length).toBeLessThan(junRowsBefore.length);
    expect(cellsHolding(db, JUN.id).some((cell) => cell.startsWith('questions.user_id'))).toBe(true);
    // The reminder keeps running for the group, no longer naming minji.
    expect(db.prepare('SELECT created_by, created_by_name, status FROM reminders').get()).toEqual({
      created_by: FORGOTTEN_MEMBER.id,
      created_by_name: FORGOTTEN_MEMBER.name,
      status: 'active',
    });
    // Her answer is out of search too.
    expect(
      app.services.knowledge.search('프로메테우스 exporter', 5).hits.some((h) => h.section.kind === 'community'),
    ).toBe(false);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('asks first, and only that member can press the button', async () => {
    app = await testApp();
    await seed(app);
    const asked = await qa(app, 'forget-me', {}, MINJI);
    expect(asked.ephemeral).toBe(true);
    expect(asked.text).toContain('질문 2개, 평가 2개, 답변 1개');
    const button = asked.actions?.[0]?.[0];
    if (button?.kind !== 'button') throw new Error('no confirmation button');
    expect(button.style).toBe('danger');
    expect((await app.dispatcher.component(button.customId, [], SORA)).error?.code).toBe('not-yours');
    expect(cellsHolding(app.services.store.db, MINJI.id).length).toBeGreaterThan(0);
    const done = await app.dispatcher.component(button.customId, [], MINJI);
    expect(done.replaceOriginal).toBe(true);
    expect(cellsHolding(app.services.store.db, MINJI.id)).toEqual([]);
    // Nothing left: nothing to confirm.
    expect((await qa(app, 'forget-me', {}, MINJI)).actions).toBeUndefined();
  });

  it('works for a console member, whose id has a colon', async () => {
    app = await testApp();
    const me = { ...MINJI, id: 'console:minji', transport: 'cli' as const, guildId: undefined };
    await ask(app, OFF_NOTES[2] ?? '', me);
    const asked = await qa(app, 'forget-me', {}, me);
    const button = asked.actions?.[0]?.[0];
    if (button?.kind !== 'button') throw new Error('no confirmation button');
    await app.dispatcher.component(button.customId, [], me);
    expect(cellsHolding(app.services.store.db, 'console:minji')).toEqual([]);
  });
});
