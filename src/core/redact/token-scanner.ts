import { type CharClass, inClass, isSpace, WORD } from './char-class.ts';
import type { LineScan } from './line-scan.ts';
import type { SecretKind } from './kinds.ts';
import { TOKEN_RULES, type TokenRule } from './token-rules.ts';

interface Candidate {
  rule: TokenRule;
  index: number;
}

/** Each prefix names one rule (no prefix is the start of another). */
const BY_PREFIX = new Map<string, Candidate>();
TOKEN_RULES.forEach((rule, index) => {
  for (const prefix of rule.prefixes) BY_PREFIX.set(prefix, { rule, index });
});

/**
 * Where a token may start: one of the prefixes (literal alternatives: the regex engine reads
 * each position a bounded number of times), not preceded by a letter, digit or `_`.
 */
const START = new RegExp(
  `(?:${[...BY_PREFIX.keys()]
    .sort((a, b) => b.length - a.length)
    .map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})`,
  'g',
);

/** A token cut by the end of its line: what its rest on the next line is made of. */
export interface TokenCut {
  chars: CharClass;
  kind: SecretKind;
}

type Outcome = { end: number; hideFrom: number; cut?: CharClass } | { failedAt: number };

/**
 * Marks every token shape in the line. A rule that fails after reading its first run is not
 * tried again inside that run: a later start there would read up to the same end and fail
 * the same way, so no stretch of the line is read by one rule more than a few times.
 *
 * Returns what a token cut by the end of the line is made of, for its rest on the next one.
 */
export function findTokens(scan: LineScan): TokenCut | undefined {
  const { line, work } = scan;
  let skipUntil: Int32Array | undefined;
  let cut: TokenCut | undefined;
  START.lastIndex = 0;
  work.steps += line.length;
  for (let found = START.exec(line); found; found = START.exec(line)) {
    const candidate = BY_PREFIX.get(found[0]);
    if (!candidate) continue;
    const { rule, index } = candidate;
    const at = found.index;
    if (at > 0 && inClass(WORD, line.charCodeAt(at - 1))) {
      START.lastIndex = at + 1;
      continue;
    }
    if (skipUntil && at < (skipUntil[index] ?? 0)) continue;
    const outcome = matchParts(rule, line, START.lastIndex, scan);
    if ('failedAt' in outcome) {
      (skipUntil ??= new Int32Array(TOKEN_RULES.length))[index] = outcome.failedAt;
      START.lastIndex = at + 1;
      continue;
    }
    scan.hide(rule.keepPrefix || rule.hideFrom !== undefined ? outcome.hideFrom : at, outcome.end, rule.kind);
    if (outcome.cut) cut = { chars: outcome.cut, kind: rule.kind };
    START.lastIndex = Math.max(at + 1, outcome.end);
  }
  return cut;
}

function matchParts(rule: TokenRule, line: string, bodyStart: number, scan: LineScan): Outcome {
  let pos = bodyStart;
  let hideFrom = bodyStart;
  let firstRunEnd = bodyStart;
  for (let k = 0; k < rule.parts.length; k++) {
    const part = rule.parts[k];
    if (part === undefined) break;
    if (k === (rule.hideFrom ?? 0)) hideFrom = pos;
    if (typeof part === 'string') {
      scan.work.steps += part.length;
      if (line.startsWith(part, pos)) {
        pos += part.length;
        continue;
      }
      // The line ends inside the literal: the token may go on on the next line.
      if (line.length - pos < part.length && part.startsWith(line.slice(pos)))
        return cutOrFail(rule, line, bodyStart, firstRunEnd, hideFrom);
      return { failedAt: firstRunEnd };
    }
    const start = pos;
    const limit = part.max === undefined ? Infinity : part.max + 1;
    while (pos < line.length && pos - start < limit && inClass(part.chars, line.charCodeAt(pos))) pos++;
    scan.work.steps += pos - start + 1;
    if (k === 0) firstRunEnd = pos;
    if (part.max !== undefined && pos - start > part.max) return { failedAt: firstRunEnd };
    if (pos - start < part.min) {
      return pos === line.length ? cutOrFail(rule, line, bodyStart, firstRunEnd, hideFrom) : { failedAt: firstRunEnd };
    }
  }
  return { end: pos, hideFrom };
}

function cutOrFail(rule: TokenRule, line: string, bodyStart: number, firstRunEnd: number, hideFrom: number): Outcome {
  if (rule.cutMin === undefined || line.length - bodyStart < rule.cutMin) return { failedAt: firstRunEnd };
  return { end: line.length, hideFrom, cut: rule.rest ?? lastRunChars(rule) };
}

function lastRunChars(rule: TokenRule): CharClass {
  let chars = rule.parts[0].chars;
  for (const part of rule.parts) if (typeof part !== 'string') chars = part.chars;
  return chars;
}

/**
 * The rest of a token wrapped at the end of the previous line: the run of its characters the
 * line starts with (after indentation), when it is the whole line or holds a digit (a word
 * like "Starting" after a cut token is text, not the token's end). Returns the characters
 * again when this run, too, reaches the end of the line.
 */
export function findTokenRest(scan: LineScan, cut: TokenCut): TokenCut | undefined {
  const { line, work } = scan;
  const { chars } = cut;
  let start = 0;
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++;
  let end = start;
  let digit = false;
  while (end < line.length && inClass(chars, line.charCodeAt(end))) {
    const c = line.charCodeAt(end);
    if (c >= 48 && c <= 57) digit = true;
    end++;
  }
  work.steps += end + 1;
  if (end === start) return undefined;
  const wholeLine = line.slice(end).trim() === '';
  if (!wholeLine && !(digit && isSpace(line.charCodeAt(end)))) return undefined;
  scan.hide(start, end, cut.kind);
  return end === line.length ? cut : undefined;
}
