import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judge, withoutEcho } from '../../eval/member/evaluate.ts';
import {
  containsFact,
  firstAnswer,
  isSure,
  missingFacts,
  shownText,
  stripMarkup,
} from '../../eval/member/first-answer.ts';
import type { MemberQuestion } from '../../eval/member/questions.ts';
import { member, testApp } from '../support/app.ts';

describe('stripMarkup', () => {
  it('drops Discord markup and keeps the words', () => {
    expect(stripMarkup('**도커 볼륨** : `docker volume create` · ~~old~~ ||spoiler|| __u__')).toBe(
      '도커 볼륨 : docker volume create · old spoiler u',
    );
    expect(stripMarkup('```bash\ndocker ps -a\n```')).toBe('\ndocker ps -a\n');
    expect(stripMarkup('> quoted\n## Heading\n[docs](https://docs.docker.com/x) <!-- aliases: a, b -->')).toBe(
      'quoted\nHeading\ndocs ',
    );
  });

  it('keeps single * and _ that belong to paths and globs', () => {
    expect(stripMarkup('/etc/nginx/conf.d/*.conf and <project>_default')).toBe(
      '/etc/nginx/conf.d/*.conf and <project>_default',
    );
  });
});

describe('containsFact', () => {
  it('compares case-insensitively with whitespace normalised, markup stripped', () => {
    expect(containsFact('Run  **docker   PS** -a', '`docker ps`')).toBe(true);
    expect(containsFact('OOMKilled가 true', 'oomkilled')).toBe(true);
  });

  it('does not find a Latin fact inside a longer word, but does before a Korean particle', () => {
    expect(containsFact('docker compose down --volumes', '-v')).toBe(false);
    expect(containsFact('`-v` 옵션', '-v')).toBe(true);
    expect(containsFact('10.0.0.0/8', '0.0.0.0')).toBe(false);
    expect(containsFact('0.0.0.0:8080', '0.0.0.0')).toBe(true);
    expect(containsFact('default.conf가 남아 있다', 'default.conf')).toBe(true);
    expect(containsFact('볼륨을 만든다', '볼륨')).toBe(true);
  });

  it('lists the groups of which no alternative shows', () => {
    expect(
      missingFacts('docker ps로 확인', [
        ['docker ps', 'lsof'],
        ['8081', 'docker stop'],
      ]),
    ).toEqual([['8081', 'docker stop']]);
  });
});

describe('firstAnswer on real ask replies', () => {
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(() => app.close());
  const ask = (query: string) => app.dispatcher.run({ name: 'ask', options: { query } }, member());

  it('is the sure reply’s title and text without markup, from the best section', async () => {
    const reply = await ask('도커 볼륨');
    expect(isSure(reply)).toBe(true);
    const answer = firstAnswer(reply);
    expect(answer.title).toBe(reply.title);
    expect(reply.text).toMatch(/`|\*\*/);
    expect(answer.text).toBe(stripMarkup(reply.text ?? ''));
    expect(answer.text).not.toMatch(/`|\*\*|^>/m);
    expect(answer.sectionIds).toEqual(['notes/ch3-docker-usage#volumes']);
    // ask prints the same thing as its `answer`.
    expect((reply.data as { answer: unknown }).answer).toEqual(answer);
  });

  it('has no sections when ask is unsure, and is not sure', async () => {
    const reply = await ask('오늘 점심 뭐 먹지 쿠버네티스 헬름');
    expect(isSure(reply)).toBe(false);
    expect(firstAnswer(reply)).toMatchObject({ title: '노트에서 확실한 답을 찾지 못했어요', sectionIds: [] });
  });

  it('is the error when ask refuses the question', async () => {
    // Longer than any Discord string option can be (6,000), so ask refuses it whatever its limit.
    const reply = await ask('x'.repeat(6001));
    expect(reply.error).toBeDefined();
    expect(isSure(reply)).toBe(false);
    expect(firstAnswer(reply)).toMatchObject({ title: '', sectionIds: [] });
    expect(firstAnswer(reply).text).toBe(stripMarkup(reply.text ?? ''));
  });

  it('judges right&sure by the facts in the first reply, not by the hits’ whole texts', () => {
    const question: MemberQuestion = {
      id: 'm999',
      split: 'dev',
      q: '도커 볼륨',
      phenomenon: 'short',
      facts: [['docker volume create'], ['docker volume inspect myvol']],
      ids: ['notes/ch3-docker-usage#volumes'],
    };
    // A sure reply from the right section whose text stops before the example block.
    const reply = {
      title: '도커 볼륨',
      text: '도커 볼륨 : 필요한 데이터에 접근하고 공유하기 위한 기능 · `docker volume create 볼륨 이름`',
      data: { confident: true, hits: [{ id: 'notes/ch3-docker-usage#volumes' }] },
    };
    const outcome = judge(question, reply, app.services.knowledge);
    // The section holds both facts, but the first reply shows only one.
    expect(outcome.rank).toBe(1);
    expect(outcome.sure).toBe(true);
    expect(outcome.missing).toEqual([['docker volume inspect myvol']]);
    expect(outcome.rightAndSure).toBe(false);
    expect(shownText(outcome.answer)).not.toContain('docker volume inspect myvol');
    expect(outcome.answer.sectionIds).toEqual(['notes/ch3-docker-usage#volumes']);
  });
});

describe('withoutEcho', () => {
  it('drops the member’s own longer lines from the answer, so a quoted paste supplies no fact', () => {
    const q = 'docker run -p 8080:80 web\nBind for 0.0.0.0:8080 failed: port is already allocated\n왜요';
    const shown = '오류: `Bind for 0.0.0.0:8080 failed: port is already allocated` · docker ps로 확인';
    const left = withoutEcho(shown, q);
    expect(containsFact(left, 'port is already allocated')).toBe(false);
    expect(containsFact(left, 'docker ps')).toBe(true);
  });

  it('keeps short fragments a right answer repeats (a command in the title)', () => {
    expect(
      containsFact(
        withoutEcho('재시작 루프 › 해결 — docker update --restart=no', 'docker update --restart=no'),
        'docker update',
      ),
    ).toBe(true);
  });
});
