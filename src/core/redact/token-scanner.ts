import { type CharClass, inClass, isSpace, WORD } from './char-class.ts';
import type { LineScan } from './line-scan.ts';
import type { SecretKind } from './kinds.ts';
import { TOKEN_RULES, type TokenRule } from './token-rules.ts';

interface Candidate {
  rule: TokenRule;
  index: number;
  prefix: string;
}

/**
 * The prefixes by their first two characters (one-character prefixes by their only one), so
 * a position costs one or two lookups whatever the number of rules. Each prefix names one
 * rule; none starts another.
 */
const BY_TWO_CHARS: Array<Candidate[] | undefined> = new Array<Candidate[] | undefined>(128 * 128).fill(undefined);
const BY_ONE_CHAR: Array<Candidate[] | undefined> = new Array<Candidate[] | undefined>(128).fill(undefined);
TOKEN_RULES.forEach((rule, index) => {
  for (const prefix of rule.prefixes) {
    const table = prefix.length === 1 ? BY_ONE_CHAR : BY_TWO_CHARS;
    const key = prefix.length === 1 ? prefix.charCodeAt(0) : pairKey(prefix.charCodeAt(0), prefix.charCodeAt(1));
    (table[key] ??= []).push({ rule, index, prefix });
  }
});
/** Characters some prefix starts with: any other character is passed over at once. */
const FIRST = new Uint8Array(128);
for (const rule of TOKEN_RULES) for (const prefix of rule.prefixes) FIRST[prefix.charCodeAt(0)] = 1;

function pairKey(first: number, second: number): number {
  return first * 128 + second;
}

/** A token cut by the end of its line: what its rest on the next line is made of. */
export interface TokenCut {
  chars: CharClass;
  kind: SecretKind;
}

/** What matchParts found; one object reused, as a log has many candidates and few tokens. */
const outcome = { matched: false, end: 0, hideFrom: 0, failedAt: 0, cut: undefined as CharClass | undefined };

/**
 * Marks every token shape in the line. A token starts at one of the prefixes, where the
 * character before is not a letter, digit or `_`. A rule that fails after reading its first
 * run is not tried again inside that run: a later start there would read up to the same end
 * and fail the same way, so no stretch of the line is read by one rule more than a few times.
 *
 * Returns what a token cut by the end of the line is made of, for its rest on the next one.
 */
export function findTokens(scan: LineScan): TokenCut | undefined {
  const { line, work } = scan;
  const skip = new SkipMarks();
  let cut: TokenCut | undefined;
  let afterWord = false;
  work.steps += line.length;
  for (let at = 0; at < line.length; at++) {
    const c = line.charCodeAt(at);
    const startsToken = !afterWord && c < 128 && FIRST[c] === 1;
    afterWord = c < 128 && WORD[c] === 1;
    if (!startsToken) continue;
    const next = line.charCodeAt(at + 1);
    const pair = next < 128 ? BY_TWO_CHARS[pairKey(c, next)] : undefined;
    let matched = pair ? tryRules(pair, scan, at, skip) : undefined;
    if (!matched) {
      const single = BY_ONE_CHAR[c];
      if (single) matched = tryRules(single, scan, at, skip);
    }
    if (!matched) continue;
    if (outcome.cut) cut = { chars: outcome.cut, kind: matched.kind };
    // Go on after the token (the loop adds one).
    at = Math.max(at, outcome.end - 1);
    afterWord = inClass(WORD, line.charCodeAt(at));
  }
  return cut;
}

/** The first of `candidates` that matches at `at`, marked hidden; `outcome` says where it ends. */
function tryRules(candidates: Candidate[], scan: LineScan, at: number, skip: SkipMarks): TokenRule | undefined {
  const { line } = scan;
  for (const { rule, index, prefix } of candidates) {
    if (skip.covers(index, at) || !line.startsWith(prefix, at)) continue;
    scan.work.steps += prefix.length;
    matchParts(rule, line, at + prefix.length, scan);
    if (!outcome.matched) {
      skip.mark(index, outcome.failedAt);
      continue;
    }
    scan.hide(rule.keepPrefix || rule.hideFrom !== undefined ? outcome.hideFrom : at, outcome.end, rule.kind);
    return rule;
  }
  return undefined;
}

/**
 * Per rule, where a failed first run ended on this line. One table for every line: a line
 * stamps its entries, so nothing is allocated or cleared per line.
 */
const skipUntil = new Int32Array(TOKEN_RULES.length);
const skipLine = new Int32Array(TOKEN_RULES.length);
let lineStamp = 0;

class SkipMarks {
  private readonly stamp = (lineStamp = (lineStamp + 1) | 0);

  covers(rule: number, at: number): boolean {
    return skipLine[rule] === this.stamp && at < (skipUntil[rule] ?? 0);
  }

  mark(rule: number, until: number): void {
    skipLine[rule] = this.stamp;
    skipUntil[rule] = until;
  }
}

function matchParts(rule: TokenRule, line: string, bodyStart: number, scan: LineScan): void {
  let pos = bodyStart;
  let hideFrom = bodyStart;
  let firstRunEnd = bodyStart;
  outcome.matched = false;
  outcome.cut = undefined;
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
      if (line.length - pos < part.length && part.startsWith(line.slice(pos))) {
        cutOrFail(rule, line, bodyStart, firstRunEnd, hideFrom);
      } else {
        outcome.failedAt = firstRunEnd;
      }
      return;
    }
    const start = pos;
    const limit = part.max === undefined ? Infinity : part.max + 1;
    const chars = part.chars;
    while (pos < line.length && pos - start < limit) {
      const c = line.charCodeAt(pos);
      if (c >= 128 || chars[c] !== 1) break;
      pos++;
    }
    scan.work.steps += pos - start + 1;
    if (k === 0) firstRunEnd = pos;
    if (part.max !== undefined && pos - start > part.max) {
      outcome.failedAt = firstRunEnd;
      return;
    }
    if (pos - start < part.min) {
      if (pos === line.length) cutOrFail(rule, line, bodyStart, firstRunEnd, hideFrom);
      else outcome.failedAt = firstRunEnd;
      return;
    }
  }
  outcome.matched = true;
  outcome.end = pos;
  outcome.hideFrom = hideFrom;
}

function cutOrFail(rule: TokenRule, line: string, bodyStart: number, firstRunEnd: number, hideFrom: number): void {
  if (rule.cutMin === undefined || line.length - bodyStart < rule.cutMin) {
    outcome.failedAt = firstRunEnd;
    return;
  }
  outcome.matched = true;
  outcome.end = line.length;
  outcome.hideFrom = hideFrom;
  outcome.cut = rule.rest ?? lastRunChars(rule);
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
