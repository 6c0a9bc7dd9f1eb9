import { urlOf } from '../docker/ports.ts';
import type { Translate } from '../core/locale.ts';
import type { PortProbe } from './facts.ts';

/** `GET http://127.0.0.1:8080/ → connection reset (3 ms)`, in the caller's language. */
export function describeProbe(probe: PortProbe, t: Translate): string {
  const url = urlOf(probe.target);
  const result = probe.result;
  if (!result)
    return t({
      ko: `GET ${url} → 확인 못 함 (원격 호스트의 127.0.0.1 바인딩)`,
      en: `GET ${url} → not checked (127.0.0.1 binding on a remote host)`,
    });
  const outcome = (() => {
    switch (result.outcome) {
      case 'http':
        return `HTTP ${result.status}${result.server ? ` (Server: ${result.server})` : ''}`;
      case 'other':
        return t({ ko: '응답이 왔지만 HTTP가 아님', en: 'an answer, but not HTTP' });
      case 'reset':
        return t({
          ko: '연결됐다가 응답 없이 끊김 (connection reset / empty reply)',
          en: 'connected, then closed with no answer (connection reset / empty reply)',
        });
      case 'refused':
        return t({ ko: '연결 거부 (connection refused)', en: 'connection refused' });
      case 'timeout':
        return t({ ko: '시간 초과 (응답 없음)', en: 'timed out (no answer)' });
      case 'error':
        return t({ ko: `오류 ${result.code ?? ''}`.trim(), en: `error ${result.code ?? ''}`.trim() });
    }
  })();
  return `GET ${url} → ${outcome} (${result.ms} ms)`;
}
