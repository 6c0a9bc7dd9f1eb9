import type { Work } from './line-scan.ts';

/**
 * Removes SGR colour codes (`ESC [ 31 m`, `ESC [ 0 m`, and the 8-bit `CSI … m`) before the
 * scan, so a colour around a key or a value cannot hide it (`password=\x1b[31mhunter2`).
 * Only these: other escape sequences are left to the output (the console and CLI escape
 * them, see src/core/terminal-text.ts), and cannot join or split a secret.
 */
export function stripColourCodes(line: string, work: Work): string {
  let next = nextIntroducer(line, 0);
  if (next < 0) return line;
  let out = '';
  let kept = 0;
  while (next >= 0) {
    let p = next + (line.charCodeAt(next) === 0x1b ? 2 : 1);
    while (p < line.length && isParameter(line.charCodeAt(p))) p++;
    work.steps += p - next + 1;
    if (line[p] === 'm') {
      out += line.slice(kept, next);
      kept = p + 1;
      next = nextIntroducer(line, kept);
    } else {
      next = nextIntroducer(line, next + 1);
    }
  }
  work.steps += line.length;
  return out + line.slice(kept);
}

// eslint-disable-next-line no-control-regex -- finding escape characters is the point
const INTRODUCER = /\x1b\[|\x9b/g;

/** The next `ESC [` or 8-bit CSI (U+009B) at or after `from`, or -1. */
function nextIntroducer(line: string, from: number): number {
  INTRODUCER.lastIndex = from;
  return INTRODUCER.exec(line)?.index ?? -1;
}

function isParameter(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x3b || code === 0x3a; // digits ; :
}
