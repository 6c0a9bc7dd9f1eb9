import { afterEach, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../src/knowledge/search/limits.ts';
import { member, testApp } from '../support/app.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

// More words than search reads, in one line with no error in it: search reads its beginning.
const LONG = `도커 볼륨 만드는 법 ${Array.from({ length: QUERY_LIMITS.words }, () => 'a').join(' ')}`;

describe('/ask and search with a question longer than search reads', () => {
  it('answers from its beginning and says so, in the member’s language', async () => {
    const app = await testApp();
    close = () => app.close();
    const ko = await app.dispatcher.run({ name: 'ask', options: { query: LONG } }, member());
    expect(ko.error).toBeUndefined();
    expect(ko.title).toMatch(/볼륨/);
    expect(ko.footer).toBe('질문이 길어서 앞부분만 읽고 찾았어요.');
    expect(ko.data).toMatchObject({ truncated: true });
    const en = await app.dispatcher.run({ name: 'ask', options: { query: LONG } }, member({ locale: 'en' }));
    expect(en.footer).toBe('Your question was long, so I searched with its beginning only.');
  });

  it('`search` says so too: `truncated` in its data, the notice in its footer', async () => {
    const app = await testApp();
    close = () => app.close();
    const cli = member({ transport: 'cli' });
    const reply = await app.dispatcher.run({ name: 'search', options: { query: LONG } }, cli);
    expect(reply.data).toMatchObject({ truncated: true });
    expect(reply.footer).toBe('질문이 길어서 앞부분만 읽고 찾았어요.');
    const whole = await app.dispatcher.run({ name: 'search', options: { query: '도커 볼륨' } }, cli);
    expect(whole.data).not.toHaveProperty('truncated');
    expect(whole.footer).toBeUndefined();
  });

  it('adds no notice to a question read whole', async () => {
    const app = await testApp();
    close = () => app.close();
    const reply = await app.dispatcher.run({ name: 'ask', options: { query: '도커 볼륨 만드는 법' } }, member());
    expect(reply.footer).toBeUndefined();
    expect(reply.data).not.toHaveProperty('truncated');
  });
});
