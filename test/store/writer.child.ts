/**
 * A process writing into a shared database file (test/store/concurrent-writes.test.ts).
 * `questions <path> <tag> <count> <startAt>`: records `count` questions (each with its asker's
 * vote, in one transaction) once the agreed start time comes, so several processes really race.
 * `stream <path> <ms>`: keeps doing that for `ms` milliseconds, then prints how many it wrote.
 */
import { Store } from '../../src/store/store.ts';

const [mode = '', path = '', ...rest] = process.argv.slice(2);
const store = Store.open(path);
const record = store.db.transaction((query: string) => {
  const id = store.questions.record({
    askedAt: new Date(),
    userId: `writer-${process.pid}`,
    userName: 'writer',
    transport: 'cli',
    locale: 'ko',
    query,
    hitIds: ['notes/ch3-docker-usage#volumes'],
    topScore: 0.5,
    answered: true,
  });
  store.questions.vote({
    questionId: id,
    userId: `writer-${process.pid}`,
    sectionId: 'notes/ch3-docker-usage#volumes',
    value: 1,
    votedAt: new Date(),
  });
});

try {
  if (mode === 'questions') {
    const [tag = '', count = '0', startAt = '0'] = rest;
    const wait = Number(startAt) - Date.now();
    if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    for (let i = 0; i < Number(count); i++) record.immediate(`${tag}-${i}`);
  } else if (mode === 'stream') {
    const until = Date.now() + Number(rest[0] ?? 0);
    let written = 0;
    while (Date.now() < until) {
      record.immediate(`stream-${written}`);
      written++;
    }
    process.stdout.write(`${written}\n`);
  } else throw new Error(`unknown mode ${mode}`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  store.close();
}
