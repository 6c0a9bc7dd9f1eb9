/**
 * The chapter 4 practice Dockerfile (lab 4-2: ubuntu 14.04, apache2, ADD webapp.tar.gz), reviewed
 * as members see it: the first reply in the console, and the Discord message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { renderText } from '../../src/cli/render.ts';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply } from '../../src/discord/render/reply-message.ts';
import { member, testApp } from '../support/app.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'ch4-lab-4-2.Dockerfile');
const NOTES = join(import.meta.dirname, '..', '..', 'knowledge', 'notes', 'ch4-dockerfile.md');
const practice = readFileSync(FIXTURE, 'utf8');

let app: App;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function reviewAs(locale: 'ko' | 'en', transport: 'cli' | 'discord'): Promise<Reply> {
  return app.dispatcher.run(
    { name: 'review', options: { dockerfile: { filename: 'Dockerfile', text: practice } } },
    member({ locale, transport }),
  );
}

describe('the lab 4-2 Dockerfile, reviewed', () => {
  it('is the Dockerfile the chapter 4 note reconstructs from the lab’s history', () => {
    const notes = readFileSync(NOTES, 'utf8');
    const block = /> ```dockerfile\n((?:> (?!```).*\n)+)> ```/.exec(notes.slice(notes.indexOf('history로 거꾸로')));
    const fromNotes = (block?.[1] ?? '')
      .split('\n')
      .map((l) => l.slice(2))
      .join('\n');
    expect(fromNotes.trim()).toBe(practice.trim());
  });

  it('reads, in the console, as this first reply', async () => {
    const text = renderText(await reviewAs('ko', 'cli'), { color: false, locale: 'ko' });
    expect(text).toBe(`━━ Dockerfile 리뷰: Dockerfile ━━

오류 0 · 주의 2 · 참고 2 — 고치면 효과가 큰 것부터 보여 줘요.

먼저 고칠 것
1. apt 패키지 목록이 이미지에 남아요 — 4행 \`DL3009\`
2. \`CMD\`가 셸 형식이에요 — 8행 \`DL3025\`

최종 이미지: \`ubuntu:14.04\` 위에 레이어 2개 (RUN 1 · ADD 1)
설치: \`apache2\`, \`vim\`, \`curl\`
복사: \`ADD webapp.tar.gz → /var/www/html\`
실행: 사용자 지정 없음(보통 root) · 포트 80 · 시작 명령 \`/usr/sbin/apachectl -D FOREGROUND\`

▲ 주의 4행 · apt 패키지 목록이 이미지에 남아요  [DL3009]
  \`apt-get update\`가 받은 패키지 목록(/var/lib/apt/lists, 수십 MB)을 같은 RUN에서 지우지 않았어요. 레이어는 쌓이기만 해서, 다음 RUN에서 지워도 이미지는 줄지 않아요.
  · 4 │ RUN apt-get update && apt-get -y install apache2 vim curl
  → 같은 RUN 끝에서 지우세요:
    RUN apt-get update \\
     && apt-get -y install apache2 vim curl \\
     && rm -rf /var/lib/apt/lists/*
  📖 이미지가 너무 커요 › RUN 합치기와 캐시 정리, 4.1 코드로 개발하는 컨테이너 인프라, Dockerfile › 고려해야 할 요소

▲ 주의 8행 · \`CMD\`가 셸 형식이에요  [DL3025]
  셸 형식은 \`/bin/sh -c\`로 감싸 실행돼서 앱이 PID 1이 아니에요. \`docker stop\`의 SIGTERM이 앱에 닿지 않아, 10초를 기다린 뒤 강제로 종료(SIGKILL)돼요.
  · 8 │ CMD /usr/sbin/apachectl -D FOREGROUND
  → exec 형식(JSON 배열)으로 쓰세요: \`CMD ["/usr/sbin/apachectl", "-D", "FOREGROUND"]\`
  📖 4.2 Dockerfile 명령어와 이미지 빌드 › Dockerfile 주요 명령어 (보충)

ℹ 정보 4행 · 추천 패키지까지 함께 설치돼요  [DL3015]
  apt는 기본으로 "추천(Recommends)" 패키지까지 깔아요. 대부분 컨테이너에는 필요 없고 이미지만 수십 MB 커져요.
  · 4 │ RUN apt-get update && apt-get -y install apache2 vim curl
  → \`apt-get -y install --no-install-recommends apache2 vim curl\` — 정말 필요한 패키지가 빠지면 그 이름만 목록에 더하세요.
  📖 이미지가 너무 커요 › RUN 합치기와 캐시 정리, 이미지가 너무 커요 › 원인

ℹ 정보 4행 · apt 패키지 버전이 고정되지 않았어요  [DL3008]
  버전 없이 적은 패키지(\`apache2\`, \`vim\`, \`curl\`)는 빌드하는 날의 최신 버전으로 깔려서, 다시 빌드하면 다른 버전이 들어올 수 있어요. 다만 데비안·우분투 저장소는 옛 버전을 지우기도 해서 고정한 버전이 사라지면 빌드가 실패해요 — 실습용 이미지라면 넘어가도 돼요.
  · 4 │ RUN apt-get update && apt-get -y install apache2 vim curl
  → 같은 이미지를 다시 만들 수 있어야 한다면 \`apt-cache policy apache2\`로 버전을 보고 \`apache2=<버전>\`처럼 적으세요. 베이스 이미지 태그를 고정하는 것만으로도 많이 안정돼요.
  📖 이미지가 너무 커요 › RUN 합치기와 캐시 정리, 4.2 Dockerfile 명령어와 이미지 빌드 › 빌드 캐시와 명령 순서

[1] 이미지가 너무 커요 › RUN 합치기와 캐시 정리  [2] 4.1 코드로 개발하는 컨테이너 인프라, Dockerfile › 고려해야 할 요소  [3] 4.2 Dockerfile 명령어와 이미지 빌드 › Dockerfile 주요 명령어 (보충)  [4] 이미지가 너무 커요 › 원인  [5] 4.2 Dockerfile 명령어와 이미지 빌드 › 빌드 캐시와 명령 순서`);
  });

  it('in Discord, leads with the summary embed, then one embed per finding, and a menu of the notes', async () => {
    const message = renderReply(await reviewAs('ko', 'discord'), 'ko');
    expect(message.ephemeral).toBe(false);
    expect(message.allowedMentions).toEqual({ parse: [] });
    const [summary, ...findings] = message.embeds;
    expect(summary?.title).toBe('⚠️ Dockerfile 리뷰: Dockerfile');
    expect(summary?.description).toContain('1. **apt 패키지 목록이 이미지에 남아요** — 4행 `DL3009`');
    expect(summary?.fields?.[0]).toMatchObject({ name: '최종 이미지' });
    expect(summary?.fields?.[0]?.value).toContain('`ubuntu:14.04` 위에 레이어 2개 (RUN 1 · ADD 1)');
    expect(findings.map((e) => e.footer?.text)).toEqual([
      '주의 · DL3009',
      '주의 · DL3025',
      '정보 · DL3015',
      '정보 · DL3008',
    ]);
    expect(findings[0]?.title).toBe('🟡 4행 · apt 패키지 목록이 이미지에 남아요');
    const next = findings[0]?.fields?.find((f) => f.name === '다음 단계')?.value;
    expect(next).toBe(
      '→ 같은 RUN 끝에서 지우세요:\n```dockerfile\nRUN apt-get update \\\n && apt-get -y install apache2 vim curl \\\n && rm -rf /var/lib/apt/lists/*\n```',
    );
    expect(findings[0]?.fields?.find((f) => f.name === '근거')?.value).toContain(
      '4 │ RUN apt-get update && apt-get -y install apache2 vim curl',
    );
    expect(message.components[0]?.components[0]).toMatchObject({
      type: 3,
      placeholder: '고치는 법이 담긴 노트 펼쳐 보기',
    });
    expect(message.files).toEqual([]);
  });

  it('speaks English to an English caller', async () => {
    const text = renderText(await reviewAs('en', 'cli'), { color: false, locale: 'en' });
    expect(text).toContain('━━ Dockerfile review: Dockerfile ━━');
    expect(text).toContain('0 error(s), 2 warning(s), 2 note(s) — the most valuable fixes first.');
    expect(text).toContain('▲ warning Line 4 · The apt package lists stay in the image  [DL3009]');
    expect(text).toContain('2 layer(s) on top of `ubuntu:14.04` (RUN 1 · ADD 1)');
    // Only the notes' own titles (📖 and the menu) stay Korean: the notes are written in Korean.
    const prose = text.split('\n').filter((line) => !line.includes('📖') && !line.startsWith('[1]'));
    expect(prose.filter((line) => /[가-힣]/.test(line))).toEqual([]);
  });
});
