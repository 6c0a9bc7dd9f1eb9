/**
 * Values named by a secret key: `DB_PASSWORD=…`, `password: …`, `"token": "…"`, JSON inside a
 * JSON string (`{\"password\":\"…\"}`), URL query parameters (`?api_key=…`), `--password …`,
 * `Authorization: Basic …` — gitleaks' generic-api-key idea, with the key judged by its words
 * (key-names.ts). Also passwords on command lines: `curl -u user:password` (gitleaks'
 * curl-auth-user) and `mysql -pPASSWORD` (dockhand's own).
 *
 * One pass: each name is read once; after a name that is not secret the scan goes on right
 * after it (so `https:` is never taken as a key that swallows the URL), after a hidden value
 * right after the value.
 */
import { charClass, inClass, isSpace } from './char-class.ts';
import { isSecretKey, SECRET_NAME_HINTS } from './key-names.ts';
import type { LineScan } from './line-scan.ts';

const NAME = charClass('A-Za-z0-9_.-');
/** Where an unquoted value ends. (`#` does not: passwords hold it, and a URL fragment is harmless to hide.) */
const VALUE_END = charClass(' \t\r\n\f\v"\'`,;&|<>(){}[]');
const ALPHANUMERIC = charClass('A-Za-z0-9');
const SCHEME = charClass('A-Za-z-');

/** A YAML block scalar (`password: |`) under a secret key: its lines, more indented than `indent`, are the value. */
export interface BlockValue {
  indent: number;
}

/** A fragment every secret name holds (key-names.ts), found case-insensitively. */
const HINT = new RegExp(SECRET_NAME_HINTS.join('|'), 'gi');

export function findAssignments(scan: LineScan): BlockValue | undefined {
  const { line, work } = scan;
  let block: BlockValue | undefined;
  // Names are read from the hint they hold outwards, never back before what was already read.
  let readTo = 0;
  const unquoted: UnquotedRun = { from: -1, to: -1 };
  const alphanumeric = new AlphanumericSearch(scan);
  HINT.lastIndex = 0;
  work.steps += line.length;
  for (let hint = HINT.exec(line); hint; hint = HINT.exec(line)) {
    let start = hint.index;
    while (start > readTo && inClass(NAME, line.charCodeAt(start - 1))) start--;
    let nameEnd = HINT.lastIndex;
    while (nameEnd < line.length && inClass(NAME, line.charCodeAt(nameEnd))) nameEnd++;
    work.steps += nameEnd - start;
    readTo = nameEnd;
    HINT.lastIndex = nameEnd;

    let dashes = 0;
    while (line.charCodeAt(start + dashes) === 45 /* - */ && dashes < nameEnd - start) dashes++;
    const isFlag = dashes > 0 && dashes <= 2 && (start === 0 || isSpace(line.charCodeAt(start - 1)));
    const name = line.slice(start + dashes, nameEnd);
    if (!isSecretKey(name)) continue;
    const value = findValue(line, nameEnd, isFlag, scan, unquoted);
    if (value === undefined) continue;
    if (value.block) {
      block = { indent: indentation(line) };
      continue;
    }
    const authorization = /authorization$/i.test(name);
    const { start: valueStart, end: valueEnd } = authorization ? credentialsAfterScheme(line, value) : value;
    if (alphanumeric.from(valueStart) < valueEnd) {
      scan.hide(valueStart, valueEnd, authorization ? 'bearer-token' : 'key-name');
      scan.names.add(name);
      // A value can hold another assignment (`password: ROOT_PASSWORD: x`): read on from its start.
      HINT.lastIndex = Math.max(nameEnd, valueStart);
    }
  }
  return block;
}

/** `-u`/`--user` after `curl`, `-p` glued to its value after `mysql`/`mariadb`. */
const CURL_USER = /(?<!\S)(?:--user\b|-u)/g;

/**
 * Passwords on command lines: `curl -u user:password` (also `--user=`, `-uuser:password`;
 * gitleaks' curl-auth-user) and `mysql -pPASSWORD` (dockhand's own: the value is glued to
 * the flag). Only after the command's name, so `docker run -p 80:80 mysql` keeps its ports.
 */
export function findCommandPasswords(scan: LineScan, lower: string): void {
  const { line, work } = scan;
  const curlAt = lower.indexOf('curl');
  if (curlAt >= 0) {
    CURL_USER.lastIndex = curlAt;
    for (let flag = CURL_USER.exec(line); flag; flag = CURL_USER.exec(line)) {
      const end = curlUser(scan, flag.index + flag[0].length);
      if (end !== undefined) CURL_USER.lastIndex = Math.max(CURL_USER.lastIndex, end);
    }
  }
  const mysqlAt = Math.max(lower.indexOf('mysql'), lower.indexOf('mariadb'));
  if (mysqlAt < 0) return;
  for (let at = line.indexOf('-p', mysqlAt); at >= 0; at = line.indexOf('-p', at + 2)) {
    const start = at + 2;
    if (!isSpace(line.charCodeAt(at - 1)) || start >= line.length || isSpace(line.charCodeAt(start))) continue;
    let end = start;
    while (end < line.length && !isSpace(line.charCodeAt(end))) end++;
    work.steps += end - at;
    scan.hide(start, end, 'command-password');
    at = end - 2;
  }
}

interface Value {
  start: number;
  end: number;
  block?: boolean;
}

/**
 * The value after a name: past an optional closing quote (`"`, `'`, or escaped `\"`), a
 * separator (`=`, `:`, `:=`, `=>`; for `--flags` also just spaces) and an optional opening
 * quote. A quoted value ends at the same quote with as many backslashes before it.
 */
/**
 * The last unquoted value read: it has no value-ending character from `from` to `to`, so a
 * value starting inside it (an assignment within a value) ends at `to` without reading again.
 */
interface UnquotedRun {
  from: number;
  to: number;
}

function findValue(
  line: string,
  nameEnd: number,
  isFlag: boolean,
  scan: LineScan,
  unquoted: UnquotedRun,
): Value | undefined {
  let p = nameEnd;
  const closing = quoteAt(line, p);
  if (closing) p += closing.length;
  const afterName = p;
  while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  let separated = false;
  if (line[p] === '=' || line[p] === ':') {
    separated = true;
    p += line[p + 1] === '=' || (line[p] === '=' && line[p + 1] === '>') ? 2 : 1;
  } else if (!isFlag || p === afterName || closing) {
    scan.work.steps += p - nameEnd;
    return undefined;
  }
  while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  scan.work.steps += p - nameEnd;
  // `--password --verbose`: no value; `password: ` with nothing after: nothing to hide.
  if (!separated && line[p] === '-') return undefined;
  if (p >= line.length) return undefined;

  const opening = quoteAt(line, p);
  if (opening) {
    const start = p + opening.length;
    let end = start;
    let backslashes = 0;
    while (end < line.length) {
      const c = line.charCodeAt(end);
      if (c === opening.quote && backslashes === opening.backslashes) break;
      backslashes = c === 92 /* \ */ ? backslashes + 1 : 0;
      end++;
    }
    scan.work.steps += end - start + 1;
    // The value ends before the backslashes that escape its closing quote.
    return { start, end: end - opening.backslashes };
  }
  if (separated && (line[p] === '|' || line[p] === '>')) {
    // A YAML block scalar: `|`, `>-`, `|+2`; the value is on the lines below.
    let end = p + 1;
    while (end < p + 4 && end < line.length && /[-+0-9]/.test(line[end] ?? '')) end++;
    if (onlyBlanksAfter(line, end)) return { start: p, end, block: true };
  }
  let end = p;
  if (p >= unquoted.from && p < unquoted.to) {
    end = unquoted.to;
  } else {
    while (end < line.length && !inClass(VALUE_END, line.charCodeAt(end))) end++;
    scan.work.steps += end - p + 1;
    unquoted.from = p;
    unquoted.to = end;
  }
  return { start: p, end };
}

/** A quote at `p`, possibly escaped by backslashes (`\"` inside a JSON string). */
function quoteAt(line: string, p: number): { length: number; quote: number; backslashes: number } | undefined {
  let q = p;
  while (line.charCodeAt(q) === 92 /* \ */ && q - p < 8) q++;
  const c = line.charCodeAt(q);
  if (c !== 34 /* " */ && c !== 39 /* ' */) return undefined;
  return { length: q - p + 1, quote: c, backslashes: q - p };
}

/** `Basic xyz`, `Bearer xyz`, `token xyz`: the scheme stays, the credentials go. */
function credentialsAfterScheme(line: string, value: Value): Value {
  let p = value.start;
  while (p < value.end && inClass(SCHEME, line.charCodeAt(p))) p++;
  if (p === value.start) return value;
  if (p < value.end && line[p] === ' ') {
    // Quoted: "Bearer xyz".
    while (p < value.end && line[p] === ' ') p++;
    return { start: p, end: value.end };
  }
  if (p === value.end && (line[p] === ' ' || line[p] === '\t')) {
    // Unquoted: the value stopped at the space after the scheme; the credentials are the next word.
    while (line[p] === ' ' || line[p] === '\t') p++;
    let end = p;
    while (end < line.length && !inClass(VALUE_END, line.charCodeAt(end))) end++;
    if (end > p) return { start: p, end };
  }
  return value;
}

/**
 * Where the first letter or digit at or after a position is: values that overlap (an
 * assignment inside a value) ask about the same stretch, so the answer is remembered.
 */
class AlphanumericSearch {
  private searchedFrom = -1;
  private found = -1;

  constructor(private readonly scan: LineScan) {}

  from(start: number): number {
    if (start >= this.searchedFrom && start <= this.found) return this.found;
    const { line } = this.scan;
    let p = start;
    while (p < line.length && !inClass(ALPHANUMERIC, line.charCodeAt(p))) p++;
    this.scan.work.steps += p - start + 1;
    this.searchedFrom = start;
    this.found = p;
    return p;
  }
}

function onlyBlanksAfter(line: string, from: number): boolean {
  let p = from;
  while (p < line.length && isSpace(line.charCodeAt(p))) p++;
  return p === line.length;
}

function indentation(line: string): number {
  let n = 0;
  while (line[n] === ' ' || line[n] === '\t') n++;
  return n;
}

/** The value after `-u`/`--user` (`=`, spaces, or glued): the part after its first `:` goes. */
function curlUser(scan: LineScan, afterFlag: number): number | undefined {
  const { line } = scan;
  let p = afterFlag;
  if (line[p] === '=') p++;
  while (line[p] === ' ' || line[p] === '\t') p++;
  const opening = quoteAt(line, p);
  if (opening) p += opening.length;
  let end = p;
  let colon = -1;
  while (end < line.length) {
    const c = line.charCodeAt(end);
    if (opening ? c === opening.quote : isSpace(c)) break;
    if (colon < 0 && c === 58 /* : */) colon = end;
    end++;
  }
  scan.work.steps += end - afterFlag + 1;
  if (colon < 0 || colon + 1 >= end) return undefined;
  scan.hide(colon + 1, end, 'command-password');
  return end;
}
