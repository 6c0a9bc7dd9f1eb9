import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { parseCsv, toCsv } from '../../src/qa/csv.ts';
import { ANSWER_COLUMNS, QUESTION_COLUMNS, VOTE_COLUMNS, type QaExport } from '../../src/qa/export.ts';
import { testApp } from '../support/app.ts';
import { ask, dataOf, JUN, MINJI, qa, SORA } from './support.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const TRICKY = [
  '포트, 볼륨, 네트워크 — "따옴표"와 쉼표가 섞인 질문',
  '여러 줄\n질문이에요\r\n윈도우 줄바꿈도',
  '=HYPERLINK("https://evil.example","눌러요")',
  '-p 8080:80 의미',
  "'=이미 작은따옴표",
  '+1 @here 이모지 🐳 한글',
];

async function seeded(): Promise<App> {
  const current = await testApp();
  const ids: number[] = [];
  for (const query of TRICKY) {
    ids.push(
      current.services.store.questions.record({
        askedAt: new Date('2026-11-25T01:00:00Z'),
        userId: MINJI.id,
        userName: '민지, "발표자"',
        guildId: 'g-1',
        channelId: 'c-1',
        transport: 'discord',
        locale: 'ko',
        query,
        hitIds: ['notes/ch3-docker-usage#volumes'],
        topScore: 0.3,
        answered: false,
      }),
    );
  }
  await qa(current, 'answer', { question: String(ids[0]), text: '답변, 쉼표\n"인용"\n\n- 목록\n=SUM(A1)' }, JUN);
  await qa(current, 'vote', { question: String(ids[1]), direction: 'down' }, JUN);
  await ask(current, '볼륨이 뭐야', MINJI);
  return current;
}

describe('/qa export', () => {
  it('is for organizers, privately, as a JSON file that parses back to the data', async () => {
    app = await seeded();
    expect((await qa(app, 'export', {}, JUN)).error?.code).toBe('organizer-only');
    const reply = await qa(app, 'export', { format: 'json' }, SORA);
    expect(reply.ephemeral).toBe(true);
    const [file] = reply.attachments ?? [];
    expect(file?.name).toBe('dockhand-qa-2026-11-28.json');
    const parsed = JSON.parse(String(file?.content)) as QaExport;
    expect(parsed).toEqual(dataOf(reply));
    expect(parsed.questions.map((q) => q.query)).toEqual([...TRICKY, '볼륨이 뭐야']);
    expect(parsed.questions[0]?.answers[0]?.text).toBe('답변, 쉼표\n"인용"\n\n- 목록\n=SUM(A1)');
    expect(parsed.questions[1]?.votes).toEqual([
      { userId: JUN.id, value: -1, sectionId: 'notes/ch3-docker-usage#volumes', votedAt: '2026-11-28T09:00:00.000Z' },
    ]);
  });

  it('as CSV: three RFC 4180 files that parse back to exactly the JSON’s values, formulas defused', async () => {
    app = await seeded();
    const data = dataOf(await qa(app, 'export', { format: 'json' }, SORA)) as QaExport;
    const reply = await qa(app, 'export', { format: 'csv' }, SORA);
    const files = new Map((reply.attachments ?? []).map((f) => [f.name, String(f.content)]));
    expect([...files.keys()]).toEqual([
      'dockhand-qa-2026-11-28-questions.csv',
      'dockhand-qa-2026-11-28-answers.csv',
      'dockhand-qa-2026-11-28-votes.csv',
    ]);
    const questions = files.get('dockhand-qa-2026-11-28-questions.csv') ?? '';
    expect(questions.startsWith('\ufeffid,asked_at,')).toBe(true);
    expect(questions.endsWith('\r\n')).toBe(true);
    // A formula is never a cell's first character.
    expect(questions).toContain(`"'=HYPERLINK(""https://evil.example"",""눌러요"")"`);
    expect(questions).toContain(`,'-p 8080:80 의미,`);

    const [qHeader, ...qRows] = parseCsv(questions);
    expect(qHeader).toEqual(QUESTION_COLUMNS);
    expect(qRows).toEqual(
      data.questions.map((q) => [
        String(q.id),
        q.askedAt,
        q.guildId ?? '',
        q.channelId ?? '',
        q.userId,
        q.userName,
        q.transport,
        q.locale,
        q.query,
        q.hitIds.join(' '),
        q.topScore === null ? '' : String(q.topScore),
        q.answered ? '1' : '0',
        q.hidden ? '1' : '0',
        q.needsAnswer ? '1' : '0',
        String(q.votes.filter((v) => v.value === 1).length),
        String(q.votes.filter((v) => v.value === -1).length),
      ]),
    );
    const [aHeader, ...aRows] = parseCsv(files.get('dockhand-qa-2026-11-28-answers.csv') ?? '');
    expect(aHeader).toEqual(ANSWER_COLUMNS);
    expect(aRows).toEqual(
      data.questions.flatMap((q) =>
        q.answers.map((a) => [String(a.id), String(q.id), a.authorId, a.authorName, a.status, a.answeredAt, a.text]),
      ),
    );
    const [vHeader, ...vRows] = parseCsv(files.get('dockhand-qa-2026-11-28-votes.csv') ?? '');
    expect(vHeader).toEqual(VOTE_COLUMNS);
    expect(vRows).toHaveLength(1);
  });

  it('CSV round trip holds for any text (commas, quotes, CR/LF, apostrophes, formula starts, Korean)', () => {
    const piece = fc.constantFrom(',', '"', '\r', '\n', '\r\n', "'", '=', '+', '-', '@', '\t', ' ', 'a', '한글', '🐳');
    const cell = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 20 }), (rows) => {
        expect(parseCsv(toCsv(['a', 'b', 'c'], rows))).toEqual([['a', 'b', 'c'], ...rows]);
      }),
      { numRuns: 500 },
    );
  });
});
