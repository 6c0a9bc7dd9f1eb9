import { charClass, inClass } from './char-class.ts';
import type { LineScan } from './line-scan.ts';

/** Where a URL (or any token) ends: whitespace, quotes, angle brackets, backticks. */
const TOKEN_END = charClass(' \t\r\n\f\v"\'<>`');
/** Where the user name of `scheme://user:password@host` ends. */
const USER_END = charClass(' \t\r\n\f\v"\'<>`:/?#@\\');

/**
 * `scheme://user:password@host` (gitleaks' URL-credential shapes, e.g. sidekiq-sensitive-url,
 * generalised): the password is hidden, the user and host stay. The password runs to the
 * last `@` of the URL, so one holding `/`, `#` or `@` is hidden whole. A port where a
 * password would be (`http://localhost:5173/@vite/client`) is not one.
 * Also Oracle's `jdbc:oracle:thin:user/password@host`.
 */
export function findUrlCredentials(scan: LineScan): void {
  const { line, work } = scan;
  let from = 0;
  for (;;) {
    const scheme = line.indexOf('://', from);
    if (scheme < 0) break;
    work.steps += scheme - from + 3;
    const colon = skipUser(line, scheme + 3);
    work.steps += colon - scheme;
    from = line.charCodeAt(colon) === 58 /* : */ ? hidePassword(scan, colon + 1, true) : Math.max(colon, scheme + 3);
  }
  from = 0;
  for (;;) {
    const thin = line.indexOf(':thin:', from);
    if (thin < 0) break;
    work.steps += thin - from + 6;
    const slash = skipUser(line, thin + 6);
    work.steps += slash - thin;
    from = line[slash] === '/' && slash > thin + 6 ? hidePassword(scan, slash + 1, false) : Math.max(slash, thin + 6);
  }
}

function skipUser(line: string, from: number): number {
  let i = from;
  while (i < line.length && !inClass(USER_END, line.charCodeAt(i))) i++;
  return i;
}

/** Hides from `start` to the token's last `@`; returns where the token ends. */
function hidePassword(scan: LineScan, start: number, portPossible: boolean): number {
  const { line } = scan;
  let end = start;
  let lastAt = -1;
  while (end < line.length && !inClass(TOKEN_END, line.charCodeAt(end))) {
    if (line.charCodeAt(end) === 64 /* @ */) lastAt = end;
    end++;
  }
  scan.work.steps += end - start + 1;
  if (lastAt > start && !(portPossible && isPort(line, start, lastAt))) scan.hide(start, lastAt, 'url-credentials');
  return end;
}

/** `8080/` where a password would start: a port followed by a path, not a password. */
function isPort(line: string, start: number, limit: number): boolean {
  let i = start;
  while (i < limit && i - start <= 5 && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
  return i > start && i - start <= 5 && line[i] === '/';
}
