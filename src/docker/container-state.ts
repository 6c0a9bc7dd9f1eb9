import type { Localized, Translate } from '../core/locale.ts';

/** Docker's container states (`State.Status`, `docker ps`'s STATE), in the member's words. */
const STATES: Record<string, Localized> = {
  created: { ko: '생성됨', en: 'created' },
  running: { ko: '실행 중', en: 'running' },
  paused: { ko: '일시 정지', en: 'paused' },
  restarting: { ko: '재시작 중', en: 'restarting' },
  removing: { ko: '삭제 중', en: 'removing' },
  exited: { ko: '종료됨', en: 'exited' },
  dead: { ko: '비정상 종료', en: 'dead' },
};

const HEALTH: Record<string, Localized> = {
  healthy: { ko: '정상', en: 'healthy' },
  unhealthy: { ko: '비정상', en: 'unhealthy' },
  starting: { ko: '확인 중', en: 'starting' },
};

/** `실행 중` / `running`: the state in prose. An unknown state is shown as Docker wrote it. */
export function stateWord(status: string, t: Translate): string {
  const words = STATES[status];
  return words ? t(words) : status;
}

/**
 * `종료됨 (exited, 코드 3)` / `exited (code 3)`: the state with Docker's own term kept beside it,
 * so it can be matched with `docker ps` and `docker inspect`; the exit code when it stopped.
 */
export function stateLabel(status: string, t: Translate, exitCode?: number): string {
  const code = exitCode !== undefined && (status === 'exited' || status === 'restarting') ? exitCode : undefined;
  const words = STATES[status];
  if (!words) return status;
  return t({
    ko: `${words.ko} (${status}${code === undefined ? '' : `, 코드 ${code}`})`,
    en: `${status}${code === undefined ? '' : ` (code ${code})`}`,
  });
}

/** `정상 (healthy)` / `healthy`: a health check's status, Docker's term kept beside it. */
export function healthLabel(status: string, t: Translate): string {
  const words = HEALTH[status];
  return words ? t({ ko: `${words.ko} (${status})`, en: status }) : status;
}

/** The exit code in a `docker ps` status line: `Exited (3) 5 minutes ago` → 3. */
export function exitCodeOfStatus(status: string): number | undefined {
  const code = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(status)?.[1];
  return code === undefined ? undefined : Number(code);
}

/** The health in a `docker ps` status line: `Up 2 hours (healthy)` → healthy. */
export function healthOfStatus(status: string): string | undefined {
  return /\((healthy|unhealthy|health: starting)\)/.exec(status)?.[1]?.replace('health: ', '');
}
