import type { Translate } from '../../src/core/locale.ts';
import type { PortSummary } from '../../src/docker/service.ts';

/** "3분 전" / "3m ago", from the clock's now. */
export function formatAge(from: Date, now: Date, t: Translate): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  const [value, ko, en] =
    seconds < 60
      ? [seconds, '초', 's']
      : seconds < 3600
        ? [Math.floor(seconds / 60), '분', 'm']
        : seconds < 86_400
          ? [Math.floor(seconds / 3600), '시간', 'h']
          : [Math.floor(seconds / 86_400), '일', 'd'];
  return t({ ko: `${value}${ko} 전`, en: `${value}${en} ago` });
}

/** `127.0.0.1:8080→80/tcp`, or `80/tcp` when not published. */
export function formatPort(p: PortSummary): string {
  if (!p.PublicPort) return `${p.PrivatePort}/${p.Type}`;
  const ip = p.IP && p.IP !== '0.0.0.0' && p.IP !== '::' ? `${p.IP}:` : '';
  return `${ip}${p.PublicPort}→${p.PrivatePort}/${p.Type}`;
}
