import { describe, expect, it } from 'vitest';
import { exitCodeOfTitle, exitCodesOf } from '../../src/knowledge/answer/exit-codes.ts';

describe('exit codes a question names', () => {
  it('reads them as docker ps, docker inspect, BuildKit and members write them', () => {
    expect(exitCodesOf('STATUS\nExited (137) 2 minutes ago')).toEqual([137]);
    expect(exitCodesOf('exit code 126 이 떠요')).toEqual([126]);
    expect(exitCodesOf('process "/bin/sh -c npm ci" did not complete successfully: exit code: 1')).toEqual([1]);
    expect(exitCodesOf('exit status 127')).toEqual([127]);
    expect(exitCodesOf('종료 코드가 139예요')).toEqual([139]);
    expect(exitCodesOf('계속 143으로 종료돼요')).toEqual([143]);
    expect(exitCodesOf('Exited (0) and then Exited (0) again, Exited (1)')).toEqual([0, 1]);
  });

  it('does not read other numbers as exit codes', () => {
    expect(exitCodesOf('docker run -p 8080:80 nginx')).toEqual([]);
    expect(exitCodesOf('1.2GB로 줄었어요')).toEqual([]);
    expect(exitCodesOf('exit code 1234')).toEqual([]);
    expect(exitCodesOf('Exited (300)')).toEqual([]);
  });

  it('reads the code a cause title begins with', () => {
    expect(exitCodeOfTitle('137: SIGKILL — 메모리 초과(OOM) 또는 강제 종료')).toBe(137);
    expect(exitCodeOfTitle('다른 컨테이너가 이미 그 호스트 포트를 쓰고 있음')).toBeUndefined();
  });
});
