import type { Translate } from '../core/locale.ts';
import { timestamp } from '../core/timestamp.ts';
import { stateWord } from '../docker/container-state.ts';
import { describeBinding } from '../docker/ports.ts';
import { engineTime, portsApply, publishedPorts, type ContainerFacts } from './facts.ts';
import type { Finding } from './finding.ts';

/**
 * What the checks looked at and found fine, for a reply with nothing to fix: `실행 중 · 3분 전
 * 시작`, `127.0.0.1:18601 → HTTP 200`, `포트 매핑 일치 (127.0.0.1:18601 → 80/tcp)`, `재시작 0회`.
 * A member then knows "no problems" means these were checked, not that nothing was.
 */
export function whatWasChecked(facts: ContainerFacts, findings: Finding[], t: Translate): string[] {
  const { State, RestartCount } = facts.container;
  const found = new Set(findings.map((f) => f.code));
  const started = engineTime(State.StartedAt);
  const lines: string[] = [];

  lines.push(
    State.Running && started
      ? t({
          ko: `${timestamp(started, facts.timeZone, 'R')} 시작`,
          en: `started ${timestamp(started, facts.timeZone, 'R')}`,
        })
      : stateWord(State.Status, t),
  );
  for (const probe of facts.probes) {
    const where = `${probe.target.host}:${probe.target.port}`;
    const result = probe.result;
    if (result?.outcome === 'http') {
      lines.push(t({ ko: `${where} → HTTP ${result.status}`, en: `HTTP ${result.status} on ${where}` }));
    } else if (!result) {
      lines.push(
        t({ ko: `${where} 확인 못 함 (원격 호스트의 127.0.0.1)`, en: `${where} not checked (remote 127.0.0.1)` }),
      );
    }
  }
  if (portsApply(facts)) {
    const published = publishedPorts(facts);
    const portFindings = ['port-mismatch', 'port-not-published', 'listens-on-loopback', 'http-unreachable'] as const;
    if (published.length > 0 && !portFindings.some((code) => found.has(code))) {
      const pairs = published.flatMap((row) => row.actual.map((b) => `${describeBinding(b)} → ${row.port}`));
      lines.push(t({ ko: `포트 매핑 일치 (${pairs.join(', ')})`, en: `port mapping matches (${pairs.join(', ')})` }));
    } else if (published.length === 0 && !found.has('port-not-published')) {
      lines.push(t({ ko: '게시한 포트 없음', en: 'no published ports' }));
    }
  }
  lines.push(t({ ko: `재시작 ${RestartCount}회`, en: `${RestartCount} restart${RestartCount === 1 ? '' : 's'}` }));
  if (!State.OOMKilled && facts.oomEvents.length === 0) {
    lines.push(t({ ko: '메모리 초과(OOM) 없음', en: 'no OOM kill' }));
  }
  if (!found.has('secrets-in-env')) {
    lines.push(t({ ko: '환경 변수·레이블·히스토리에 비밀값 없음', en: 'no secrets in env, labels or history' }));
  }
  return lines;
}
