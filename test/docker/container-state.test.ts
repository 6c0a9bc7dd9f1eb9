import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/locale.ts';
import {
  exitCodeOfStatus,
  healthLabel,
  healthOfStatus,
  stateLabel,
  stateWord,
} from '../../src/docker/container-state.ts';

const ko = translator('ko');
const en = translator('en');

describe('container states in the member’s words', () => {
  it('Korean, with Docker’s term kept beside it for docker ps', () => {
    expect(stateLabel('running', ko)).toBe('실행 중 (running)');
    expect(stateLabel('exited', ko, 3)).toBe('종료됨 (exited, 코드 3)');
    expect(stateLabel('created', ko, 128)).toBe('생성됨 (created)');
    expect(stateLabel('restarting', ko, 1)).toBe('재시작 중 (restarting, 코드 1)');
    expect(stateLabel('paused', ko)).toBe('일시 정지 (paused)');
    expect(stateLabel('dead', ko)).toBe('비정상 종료 (dead)');
    expect(stateLabel('removing', ko)).toBe('삭제 중 (removing)');
    expect(stateLabel('exited', en, 137)).toBe('exited (code 137)');
    expect(stateLabel('something-new', ko)).toBe('something-new');
  });

  it('in prose, the words alone', () => {
    expect(stateWord('running', ko)).toBe('실행 중');
    expect(stateWord('exited', en)).toBe('exited');
  });

  it('reads docker ps status lines', () => {
    expect(exitCodeOfStatus('Exited (3) 11 seconds ago')).toBe(3);
    expect(exitCodeOfStatus('Restarting (1) 2 seconds ago')).toBe(1);
    expect(exitCodeOfStatus('Up 10 seconds')).toBeUndefined();
    expect(healthOfStatus('Up 2 hours (healthy)')).toBe('healthy');
    expect(healthOfStatus('Up 3 seconds (health: starting)')).toBe('starting');
    expect(healthLabel('unhealthy', ko)).toBe('비정상 (unhealthy)');
  });
});
