/**
 * Text from containers (logs, commands, labels, error messages) made safe to print on a
 * terminal: a log line must not move the cursor, clear the screen, retitle the window, make a
 * hidden hyperlink or reverse the text around it.
 *
 * - Escape sequences are removed: CSI (`ESC [ … m` colours, cursor moves, erase), OSC
 *   (`ESC ] … BEL` titles, hyperlinks), DCS/SOS/PM/APC strings, two-character escapes
 *   (`ESC c` reset), and their 8-bit C1 forms (U+009B CSI, U+009D OSC…).
 * - Every other control character is shown as a visible escape: C0 but tab and newline
 *   (`\x07`), a CR not followed by LF (`\r`; CR LF becomes LF), DEL, C1 (`\x85`), and the
 *   bidirectional embeddings, overrides and isolates (`\u202e`, the "Trojan Source" set).
 *   An ESC that starts no well-formed sequence is shown too (`\x1b`).
 *
 * One pass, linear in the text (an unterminated OSC is looked for once, not per ESC).
 */

const ESC = 0x1b;
const BEL = 0x07;

export function terminalSafe(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = '';
  let kept = 0;
  // From here to the end there is no string terminator (BEL or ESC \ / U+009C).
  let noTerminatorFrom = Infinity;
  const drop = (from: number, to: number, replacement = '') => {
    out += text.slice(kept, from) + replacement;
    kept = to;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpecial(c)) continue;
    const escaped = c === ESC || c === 0x9b || c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f;
    if (escaped) {
      const end = sequenceEnd(text, i, noTerminatorFrom);
      if (end.noTerminatorFrom !== undefined) noTerminatorFrom = Math.min(noTerminatorFrom, end.noTerminatorFrom);
      if (end.at !== undefined) {
        drop(i, end.at);
        i = end.at - 1;
        continue;
      }
    }
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      drop(i, i + 1);
      continue;
    }
    drop(i, i + 1, visible(c));
  }
  return out + text.slice(kept);
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_WORK = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function isSpecial(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

function visible(c: number): string {
  if (c === 0x0d) return '\\r';
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

interface SequenceEnd {
  /** Where the sequence starting at `i` ends (exclusive), or undefined when none is well formed. */
  at?: number;
  /** Set when a string sequence found no terminator up to the end. */
  noTerminatorFrom?: number;
}

/** The end of the escape sequence that starts at `i` (ESC or a C1 introducer). */
function sequenceEnd(text: string, i: number, noTerminatorFrom: number): SequenceEnd {
  const c = text.charCodeAt(i);
  let kind: 'csi' | 'string' | 'escape';
  let p: number;
  if (c === ESC) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x5b /* [ */) kind = 'csi';
    else if (next === 0x5d /* ] */ || next === 0x50 /* P */ || next === 0x58 /* X */ || next === 0x5e || next === 0x5f)
      kind = 'string';
    else kind = 'escape';
    p = kind === 'escape' ? i + 1 : i + 2;
  } else {
    kind = c === 0x9b ? 'csi' : 'string';
    p = i + 1;
  }

  if (kind === 'csi') {
    while (p < text.length && isBetween(text.charCodeAt(p), 0x30, 0x3f)) p++; // parameters
    while (p < text.length && isBetween(text.charCodeAt(p), 0x20, 0x2f)) p++; // intermediates
    return isBetween(text.charCodeAt(p), 0x40, 0x7e) ? { at: p + 1 } : {};
  }
  if (kind === 'escape') {
    while (p < text.length && isBetween(text.charCodeAt(p), 0x20, 0x2f)) p++;
    return isBetween(text.charCodeAt(p), 0x30, 0x7e) ? { at: p + 1 } : {};
  }
  // OSC, DCS, SOS, PM, APC: up to BEL, ESC \ or ST (U+009C).
  if (p >= noTerminatorFrom) return {};
  for (let q = p; q < text.length; q++) {
    const d = text.charCodeAt(q);
    if (d === BEL || d === 0x9c) return { at: q + 1 };
    if (d === ESC && text.charCodeAt(q + 1) === 0x5c /* \ */) return { at: q + 2 };
  }
  return { noTerminatorFrom: p };
}

function isBetween(c: number, low: number, high: number): boolean {
  return c >= low && c <= high;
}

/** Every string in a value (a Reply, its fields, code blocks, findings…) made terminal-safe. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => terminalSafeDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = terminalSafeDeep(item);
    return out as T;
  }
  return value;
}

/**
 * JSON for a terminal: JSON.stringify already escapes C0 controls (ESC is `\u001b`); this
 * escapes the rest that terminals act on or that reorder text (DEL, C1, bidi controls, and
 * the line and paragraph separators) as `\uXXXX`, which parses back to the same value.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const JSON_UNSAFE = /[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
