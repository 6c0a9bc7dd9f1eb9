/**
 * When is an earlier answered question "the same question"? Earlier questions with answers, and
 * new questions labelled by hand: paraphrases that must be recognised, and related questions
 * (sharing words or a topic) that must not — the set SIMILAR_THRESHOLD and REPEATED_SHARE were
 * chosen on. Misses are allowed (the answer still ranks by its score); false matches are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { coverageOf } from '../../src/qa/overlap.ts';
import { testApp } from '../support/app.ts';
import { ask, JUN, MINJI, qa } from './support.ts';

const EARLIER: Array<[string, string]> = [
  [
    '쿠버네티스랑 도커 스웜 차이가 뭐야',
    '쿠버네티스는 여러 노드의 컨테이너를 오케스트레이션하고, 스웜은 도커에 내장된 더 단순한 도구예요.',
  ],
  [
    '맥북 M1에서 amd64 이미지 빌드하려면?',
    'docker buildx build --platform linux/amd64 . 처럼 --platform 을 주면 돼요.',
  ],
  ['스터디 다음 주 과제가 뭐였지', '5장 컴포즈 실습까지 해 오기예요.'],
  [
    'ECR 로그인이 안 돼요 no basic auth credentials',
    'aws ecr get-login-password | docker login --username AWS --password-stdin 먼저 하세요.',
  ],
  ['윈도우에서 WSL2 없이 도커 데스크톱 쓸 수 있어요?', 'Hyper-V 백엔드로 쓸 수 있지만 WSL2를 권장해요.'],
  ['스터디 발표 자료는 어디에 올려요?', '노션 스터디 페이지의 발표자료 폴더에 올려 주세요.'],
  ['EC2 프리티어 요금 나오나요', '750시간 안에서 t2.micro 하나면 무료예요. EBS 30GB도 확인하세요.'],
];

/** [new question, the earlier question (1-based) it repeats] */
const SAME: Array<[string, number]> = [
  ['쿠버네티스와 도커 스웜은 뭐가 달라요', 1],
  ['스웜이랑 쿠버네티스 비교', 1],
  ['다음주 과제', 3],
  ['no basic auth credentials 에러', 4],
  ['WSL2 없이 도커 설치', 5],
  ['윈도우 도커 데스크톱', 5],
  ['발표 자료 어디 올려요', 6],
  ['EC2 요금', 7],
];

/** Related, but another question: no "비슷한 질문" for these. */
const NOT_SAME = [
  '도커 설치',
  '쿠버네티스 설치',
  '이미지 빌드 방법',
  'aws 계정 만들기',
  '볼륨이 뭐야',
  'docker login 에러',
  '도커 컴포즈 실습',
  '스터디 시간 언제예요',
  '도커 스웜 모드 켜기',
  'WSL2 설치 방법',
  'ECR에 푸시가 안 돼요',
];

let app: App;
const ids: number[] = [];

beforeAll(async () => {
  app = await testApp();
  for (const [question, answer] of EARLIER) {
    const asked = await ask(app, question, MINJI);
    ids.push(asked.questionId);
    await qa(app, 'answer', { question: String(asked.questionId), text: answer }, JUN);
  }
});

afterAll(async () => {
  await app.close();
});

describe('similar questions', () => {
  it.each(SAME)('%s → earlier question %i', (question, earlier) => {
    expect(app.services.qa.similar(question, {})?.entry.questionId).toBe(ids[earlier - 1]);
  });

  it.each(NOT_SAME)('%s → none', (question) => {
    expect(app.services.qa.similar(question, {})).toBeUndefined();
  });

  it('needs most of the earlier question’s own words, not just the new one’s', () => {
    expect(coverageOf('맥북 M1에서 amd64 이미지 빌드하려면?', '이미지 빌드 방법')).toBe(0.4);
    expect(coverageOf('쿠버네티스랑 도커 스웜 차이가 뭐야', '쿠버네티스와 도커 스웜은 뭐가 달라요')).toBe(0.75);
    expect(coverageOf('뭐야?', '뭐예요')).toBe(0);
  });
});
