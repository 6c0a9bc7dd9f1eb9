/**
 * Members' answers in search (issue 10): how long the community index takes to rebuild after an
 * answer (it is rebuilt whole, over the notes plus every answered question), and what searching
 * it beside the notes adds to a question — with 10, 100 and 1,000 answered questions.
 *
 * Targets: a rebuild under 300 ms at 100 answered questions (an answer is searchable at once);
 * search p95 with answers under 10 ms (two searches: the notes, and the answers over the notes'
 * background; the notes alone aim at 5 ms); the check for new answers before each search under 0.5 ms.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { CommunityIndex } from '../src/qa/community-index.ts';
import { QaRepository } from '../src/store/qa.ts';
import { Store } from '../src/store/store.ts';
import { tempDir } from '../test/support/temp.ts';

const TARGETS = { rebuildMsAt100: 300, searchP95Ms: 10, checkMs: 0.5 } as const;
const TOPICS = [
  '헬름 차트',
  '아르고CD',
  '프로메테우스',
  '테라폼 모듈',
  '카프카 클러스터',
  '레디스 센티널',
  '젠킨스 파이프라인',
  'gradle 캐시',
];
const QUERIES = [
  '헬름 차트 배포',
  '볼륨이 뭐야',
  '컨테이너가 바로 꺼져요',
  '프로메테우스 설정 7',
  'docker build 캐시',
  '테라폼으로 EC2',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

export default function run(): void {
  const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
  const misses: string[] = [];
  console.log(
    '| answered questions | rebuild (first) | rebuild (median of 5) | check: nothing new / after an /ask | first questions after it (max) | search p50 / p95 (notes only) | search p50 / p95 (with answers) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const count of [10, 100, 1000]) {
    const store = Store.open(join(tempDir(), 'bench.db'));
    const repository = new QaRepository(store.db);
    store.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const topic = TOPICS[i % TOPICS.length] ?? '';
        const questionId = store.questions.record({
          askedAt: new Date(),
          userId: `u-${i % 17}`,
          userName: 'member',
          transport: 'cli',
          locale: 'ko',
          query: `${topic} 설정 ${i} 어떻게 해요`,
          hitIds: [],
          topScore: 0.2,
          answered: false,
        });
        repository.addAnswer({
          questionId,
          authorId: `u-${(i + 3) % 17}`,
          authorName: 'member',
          text: `${topic}은 공식 문서의 ${i}번 예제처럼 설정하고, values 파일로 바꿔요.`,
          answeredAt: new Date(),
        });
      }
    })();
    const index = new CommunityIndex(repository, knowledge);
    const first = timed(() => {
      index.refresh();
    });
    const rebuilds: number[] = [];
    for (let round = 0; round < 5; round++) {
      // A new answer each round: the index notices and rebuilds.
      repository.addAnswer({
        questionId: 1,
        authorId: 'u-x',
        authorName: 'x',
        text: `추가 답변 ${round}`,
        answeredAt: new Date(),
      });
      rebuilds.push(
        timed(() => {
          index.refresh();
        }),
      );
    }
    const checks: number[] = [];
    for (let round = 0; round < 200; round++)
      checks.push(
        timed(() => {
          index.refresh();
        }),
      );
    // After each /ask the database changed (the question was recorded), the answers did not.
    const afterAsk: number[] = [];
    for (let round = 0; round < 50; round++) {
      store.questions.record({
        askedAt: new Date(),
        userId: 'u-ask',
        userName: 'asker',
        transport: 'cli',
        locale: 'ko',
        query: `질문 ${round}`,
        hitIds: [],
        topScore: null,
        answered: false,
      });
      afterAsk.push(
        timed(() => {
          index.refresh();
        }),
      );
    }

    const withAnswers = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
    withAnswers.addSource(index);
    // The first questions after a rebuild build the new index's lazy tables (typo correction):
    // timed apart, as what the first asker after an answer waits.
    const firstAfter = QUERIES.map((query) => timed(() => withAnswers.search(query, 4)));
    const plain: number[] = [];
    const combined: number[] = [];
    for (let round = 0; round < 30; round++) {
      for (const query of QUERIES) {
        plain.push(timed(() => knowledge.search(query, 4)));
        combined.push(timed(() => withAnswers.search(query, 4)));
      }
    }
    const rebuild = percentile(rebuilds, 50);
    console.log(
      `| ${count} | ${fmt(first)} ms | ${fmt(rebuild)} ms | ${fmt(percentile(checks, 50))} / ${fmt(percentile(afterAsk, 50))} ms | ${fmt(Math.max(...firstAfter))} ms | ${fmt(percentile(plain, 50))} / ${fmt(percentile(plain, 95))} ms | ${fmt(percentile(combined, 50))} / ${fmt(percentile(combined, 95))} ms |`,
    );
    if (count === 100 && rebuild > TARGETS.rebuildMsAt100) misses.push(`rebuild at 100: ${fmt(rebuild)} ms`);
    if (count <= 100 && percentile(combined, 95) > TARGETS.searchP95Ms) misses.push(`search p95 at ${count}`);
    if (percentile(afterAsk, 50) > TARGETS.checkMs) misses.push(`check after an /ask at ${count}`);
    store.close();
  }
  console.log(misses.length ? `targets missed: ${misses.join('; ')}` : 'targets met');
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
