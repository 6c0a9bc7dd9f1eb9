import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelProblems } from '../../eval/member/labels.ts';
import { loadMemberQuestions, MEMBER_PHENOMENA, MEMBER_SPLITS, parseMemberLines } from '../../eval/member/questions.ts';
import { FROZEN_THROUGH, splitProblems } from '../../eval/member/split.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

const questions = MEMBER_SPLITS.flatMap((split) => loadMemberQuestions(split));

describe('the member-level questions (eval/member)', () => {
  it('has at least 200 questions, 40 of them ones the notes cannot answer, with unique ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(questions.filter((q) => q.phenomenon === 'none').length).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('has about half of every phenomenon in each split, of the questions split once (later ones go to dev)', () => {
    const frozen = questions.filter((q) => q.id <= FROZEN_THROUGH);
    for (const phenomenon of MEMBER_PHENOMENA) {
      const counts = MEMBER_SPLITS.map(
        (s) => frozen.filter((q) => q.split === s && q.phenomenon === phenomenon).length,
      );
      expect(Math.min(...counts), phenomenon).toBeGreaterThanOrEqual(Math.floor(Math.max(...counts) * 0.75));
      expect(Math.min(...counts), phenomenon).toBeGreaterThan(0);
    }
  });

  it('is the seeded split: no question moved between dev and held-out', () => {
    expect(splitProblems()).toEqual([]);
  });

  it('labels only facts the notes show in the sections that answer each question', () => {
    const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
    expect(labelProblems(questions, knowledge)).toEqual([]);
  });

  it('holds the cases issue 14 names, and pasted errors longer than today’s 300-character option', () => {
    const texts = new Set(questions.map((q) => q.q));
    for (const q of [
      'nginx 기본 페이지만 떠요',
      'nginx welcome page instead of my app',
      'port is already allocated',
      '이미지 용량 줄이는법',
      'how to reduce docker image size',
      'COPY failed',
      '컨테이너가 계속 재시작됨',
      'permission denied on docker.sock',
      '도커 이미지랑 컨테이너 차이점',
      'difference between image and container',
      'what is a docker volume',
      'how do I publish a port',
      'docker run -p',
      '실행중인 컨테이너를 이미지로 만들고 싶어요',
      '컨테이너가 바로 꺼져요',
      '볼륨이뭐야',
      '볼룸 만드는법',
      '하이퍼바이저가 머에여',
      'docker logs 어케봐요',
      'localhost:8080 접속 안돼요 ㅠㅠ',
      'env에 비번 넣어도 됨?',
      '@everyone 볼륨이 뭐예요?',
    ])
      expect(texts.has(q), q).toBe(true);
    const pasted = questions.filter((q) => q.phenomenon === 'pasted-error').map((q) => q.q.length);
    expect(pasted.filter((n) => n > 300).length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...pasted)).toBeGreaterThan(1500);
  });

  it('rejects a malformed line with its file and line number', () => {
    const ok = '{"id":"m001","q":"볼륨?","phenomenon":"short","facts":[["docker volume"]]}';
    expect(() =>
      parseMemberLines(`${ok}\n{"id":"m002","q":"x","phenomenon":"none","facts":[["a"]]}`, 'f.jsonl'),
    ).toThrow(/^f\.jsonl:2: .*"none" question has no facts/);
    expect(() => parseMemberLines(`${ok}\n${ok}`, 'f.jsonl')).toThrow(/f\.jsonl:2: duplicate id m001/);
    expect(() => parseMemberLines('{"id":"m003","q":"x","phenomenon":"short"}', 'f.jsonl')).toThrow(/f\.jsonl:1:/);
    expect(() => parseMemberLines('not json', 'f.jsonl')).toThrow(/f\.jsonl:1: not JSON/);
  });
});
