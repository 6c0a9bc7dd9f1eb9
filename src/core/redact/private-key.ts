/**
 * PEM and PGP private keys (gitleaks' private-key rule: `-----BEGIN … PRIVATE KEY-----` and
 * `-----BEGIN PGP PRIVATE KEY BLOCK-----`), and a key's body on its own: when `--tail` or
 * `--since` cuts a log after the BEGIN line, the body lines are still recognisable as a run
 * of base64 lines of PEM width (64 characters; OpenSSH 70, MIME 76).
 */
import type { Work } from './line-scan.ts';

export interface Marker {
  start: number;
  end: number;
}

const LABEL = /^ [ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?$/;

/** The next `-----BEGIN … PRIVATE KEY-----` (or END) marker at or after `from`. */
export function findKeyMarker(line: string, from: number, which: 'BEGIN' | 'END', work: Work): Marker | undefined {
  const opening = `-----${which}`;
  let at = line.indexOf(opening, from);
  while (at >= 0) {
    const labelStart = at + opening.length;
    const close = line.indexOf('-----', labelStart);
    work.steps += (close < 0 ? line.length : close) - at;
    if (close < 0) return undefined;
    if (close - labelStart <= 120 && LABEL.test(line.slice(labelStart, close))) return { start: at, end: close + 5 };
    at = line.indexOf(opening, at + 1);
  }
  return undefined;
}

const PEM_WIDTHS = new Set([64, 70, 76]);

/**
 * What a line is as key material: `pem` a full-width base64 line (upper and lower case and a
 * digit: not hex, not a word), `long` any other base64 line of 32 characters or more of that
 * mix (a key's last line, a token printed alone), `short` a shorter base64-looking line
 * (only counted inside a run), or undefined.
 */
export function keyBodyLine(line: string, work: Work): 'pem' | 'long' | 'short' | undefined {
  let start = 0;
  let end = line.length;
  while (start < end && isBlank(line.charCodeAt(start))) start++;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end--;
  if (end === start) return undefined;
  let upper = false;
  let lower = false;
  let digitOrSign = false;
  let padding = 0;
  // A PGP armour checksum line: =abcd.
  const from = line.charCodeAt(start) === 0x3d ? start + 1 : start;
  if (from > start) padding++;
  for (let i = from; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3d /* = */ && i > from) {
      padding++;
      continue;
    }
    // `=` only as padding at the end.
    if (padding > 0 && from === start) return undefined;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if ((c >= 48 && c <= 57) || c === 0x2b || c === 0x2f) digitOrSign = true;
    else return undefined;
  }
  work.steps += end - start;
  const width = end - start;
  const mixed = upper && lower && digitOrSign;
  if (mixed && PEM_WIDTHS.has(width)) return 'pem';
  if (mixed && width >= 32) return 'long';
  return digitOrSign || padding > 0 || (upper && lower && width >= 16) ? 'short' : undefined;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d;
}
