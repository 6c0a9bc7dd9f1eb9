import type { Check, DraftFinding } from './check.ts';
import { portsApply, probeFor, publishedPorts, type PortProbe } from './facts.ts';
import { loopbackSignals, type LoopbackSignal } from './loopback-signals.ts';
import { describeProbe } from './probe-words.ts';

const SOURCE_LABEL: Record<LoopbackSignal['source'], { ko: string; en: string }> = {
  cmd: { ko: '실행 명령', en: 'command' },
  top: { ko: '프로세스(top)', en: 'process (top)' },
  log: { ko: '로그', en: 'log' },
  proc: { ko: '/proc/net/tcp', en: '/proc/net/tcp' },
};

/**
 * listens-on-loopback: a published port whose server inside listens on 127.0.0.1 only.
 * Docker forwards published ports to the container's own address, which a server bound to
 * 127.0.0.1 never sees. The socket table (exec) decides when present; otherwise the command
 * line, processes and log must say so and the probe must not have been answered.
 */
export const loopbackCheck: Check = (facts, t) => {
  if (!portsApply(facts)) return [];
  const signals = loopbackSignals(facts);
  if (signals.length === 0) return [];
  const affected: Array<{ port: string; containerPort: number; signals: LoopbackSignal[] }> = [];
  for (const row of publishedPorts(facts)) {
    if (facts.listeners?.some((l) => l.port === row.containerPort && !l.loopback)) continue;
    const answered = probeFor(facts, row.port)?.result?.outcome;
    if (answered === 'http' || answered === 'other') continue;
    const relevant = signals.filter((s) => s.port === undefined || s.port === row.containerPort);
    if (facts.listeners && !relevant.some((s) => s.source === 'proc')) continue;
    if (relevant.length > 0) affected.push({ port: row.port, containerPort: row.containerPort, signals: relevant });
  }
  if (affected.length === 0) return [];

  const confirmed = affected.some((a) => a.signals.some((s) => s.source === 'proc'));
  const probed = affected.map((a) => probeFor(facts, a.port)).filter((p): p is PortProbe => p?.result !== undefined);
  const ports = affected.map((a) => a.containerPort).join(', ');
  const finding: DraftFinding = {
    code: 'listens-on-loopback',
    severity: confirmed || probed.length > 0 ? 'error' : 'warning',
    title: t({
      ko: `컨테이너 안의 서버가 127.0.0.1(localhost)에서만 듣고 있어서 게시한 포트(${ports})로 닿지 않아요`,
      en: `The server inside listens on 127.0.0.1 (localhost) only, so the published port (${ports}) cannot reach it`,
    }),
    detail: t({
      ko: '컨테이너의 127.0.0.1은 컨테이너 자신만 가리켜요. 도커는 게시한 포트를 컨테이너의 네트워크 주소(eth0)로 보내므로, 서버는 0.0.0.0(모든 인터페이스)에서 들어야 해요.',
      en:
        'Inside a container, 127.0.0.1 is the container itself. ' +
        'Docker forwards a published port to the container’s network address (eth0), ' +
        'so the server must listen on 0.0.0.0 (all interfaces).',
    }),
    evidence: [
      ...affected.flatMap((a) => a.signals.map((s) => `${t(SOURCE_LABEL[s.source])}: ${s.text}`)),
      ...probed.map((p) => describeProbe(p, t)),
    ].filter((line, i, all) => all.indexOf(line) === i),
    next: t({
      ko:
        '서버가 0.0.0.0에서 듣게 하세요. 예: `flask run --host=0.0.0.0`, `python manage.py runserver 0.0.0.0:8000`, ' +
        '`uvicorn app:app --host 0.0.0.0`, Node는 `app.listen(port, "0.0.0.0")`.',
      en:
        'Make the server listen on 0.0.0.0, e.g. `flask run --host=0.0.0.0`, ' +
        '`python manage.py runserver 0.0.0.0:8000`, `uvicorn app:app --host 0.0.0.0`, Node `app.listen(port, ' +
        '"0.0.0.0")`.',
    }),
    refHints: ['#loopback', '#causes'],
    ports: affected.map((a) => a.port),
  };
  return [finding];
};
