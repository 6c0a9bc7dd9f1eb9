import type { Translate } from '../../core/locale.ts';
import { defaultPageOf } from '../../docker/http-probe.ts';
import type { HostProbe } from './facts.ts';

/** `GET http://127.0.0.1:8080/ (Host: localhost) → HTTP 200 "Welcome to nginx!" (web, 3 ms)` */
export function probeLine(probe: HostProbe, t: Translate): string {
  const { result } = probe;
  const head = `GET ${probe.url} (Host: ${probe.hostHeader}) →`;
  const by = `${probe.answeredBy}, ${result.ms} ms`;
  switch (result.outcome) {
    case 'http': {
      const page = defaultPageOf(result.body ?? '') === 'nginx' ? ' "Welcome to nginx!"' : '';
      return `${head} HTTP ${result.status}${page}${result.server ? ` (Server: ${result.server})` : ''} (${by})`;
    }
    case 'reset':
      return t({ ko: `${head} 응답 없이 끊김 (${by})`, en: `${head} closed with no answer (${by})` });
    case 'refused':
      return t({ ko: `${head} 연결 거부 (${by})`, en: `${head} connection refused (${by})` });
    case 'timeout':
      return t({ ko: `${head} 시간 초과 (${by})`, en: `${head} timed out (${by})` });
    default:
      return t({
        ko: `${head} ${result.outcome === 'other' ? 'HTTP가 아닌 응답' : `오류 ${result.code ?? ''}`} (${by})`,
        en: `${head} ${result.outcome === 'other' ? 'not HTTP' : `error ${result.code ?? ''}`} (${by})`,
      });
  }
}

/** The probes that got nginx's Welcome page. */
export function welcomeProbes(probes: HostProbe[]): HostProbe[] {
  return probes.filter((p) => p.result.outcome === 'http' && defaultPageOf(p.result.body ?? '') === 'nginx');
}
