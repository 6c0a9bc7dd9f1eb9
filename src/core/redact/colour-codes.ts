import type { Work } from './line-scan.ts';

/**
 * Removes SGR colour codes before the scan, so a colour around a key or a value cannot hide
 * it (`password=\x1b[31mhunter2`): `ESC [ 31 m`, the 8-bit `CSI 31 m`, and the same written
 * out as text, as JSON logs and shell commands carry them (`\u001b[31m`, `\x1b[31m`,
 * `\033[31m`, `\e[31m`). Only colour codes: other escape sequences are left to the output
 * (the console and CLI escape them, src/core/terminal-text.ts) and cannot join or split a
 * secret.
 */
export function stripColourCodes(line: string, work: Work): string {
  INTRODUCER.lastIndex = 0;
  let found = INTRODUCER.exec(line);
  if (!found) return line;
  let out = '';
  let kept = 0;
  while (found) {
    const start = found.index;
    let p = start + found[0].length;
    while (p < line.length && isParameter(line.charCodeAt(p))) p++;
    work.steps += p - start + 1;
    if (line[p] === 'm') {
      out += line.slice(kept, start);
      kept = p + 1;
      INTRODUCER.lastIndex = kept;
    } else {
      INTRODUCER.lastIndex = start + 1;
    }
    found = INTRODUCER.exec(line);
  }
  work.steps += line.length;
  return out + line.slice(kept);
}

// eslint-disable-next-line no-control-regex -- finding escape characters is the point
const INTRODUCER = /\x1b\[|\x9b|\\(?:u001[bB]|x1[bB]|033|e)\[/g;

function isParameter(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x3b || code === 0x3a; // digits ; :
}
