import type { App } from '../../src/app.ts';
import type { Caller } from '../../src/core/context.ts';
import type { Reply } from '../../src/core/reply.ts';
import { member } from '../support/app.ts';

/** Members of the study guild g-1 as the tests use them (Discord ids are snowflakes). */
export const MINJI = member({ id: '100000000000000001', name: '민지' });
export const JUN = member({ id: '100000000000000002', name: '준' });
export const ALEX = member({ id: '100000000000000003', name: 'Alex', locale: 'en' });
export const SORA = member({ id: '100000000000000004', name: '소라', isOrganizer: true });
/** Someone in another guild. */
export const STRANGER = member({ id: '200000000000000001', name: 'stranger', guildId: 'g-2', channelId: 'c-9' });

/** Questions the notes cannot answer (each scores below the confidence threshold on the real notes). */
export const OFF_NOTES = [
  '쿠버네티스 헬름 차트로 파드 배포하기',
  '프로메테우스 그라파나 모니터링 설정',
  '카프카 클러스터를 컴포즈로 띄우기',
  '젠킨스 파이프라인에서 docker build',
  '테라폼 모듈 작성법',
  '아르고CD 깃옵스 설정',
  '레디스 센티널 구성',
  '스프링 부트 gradle 캐시',
];

export function qa(app: App, subcommand: string, options: Record<string, unknown>, who: Caller): Promise<Reply> {
  return app.dispatcher.run({ name: 'qa', subcommand, options }, who);
}

export async function ask(app: App, query: string, who: Caller, hide = false): Promise<Reply & { questionId: number }> {
  const reply = await app.dispatcher.run({ name: 'ask', options: { query, hide } }, who);
  const data = reply.data as { questionId?: number } | undefined;
  if (!data?.questionId) throw new Error(`ask failed: ${JSON.stringify(reply.error ?? reply.text)}`);
  return Object.assign(reply, { questionId: data.questionId });
}

/** The reply's `--json` data; a failed command throws with its error. */
export function dataOf(reply: Reply): unknown {
  if (reply.error) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}
