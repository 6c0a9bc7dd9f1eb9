import { EngineTimeout } from './engine-client.ts';
import { lineSize, readLogTail, type LogLine, type LogTail } from './log-reader.ts';
import { TailBuffer } from './tail-buffer.ts';

/** A log stream as the engine sends it, oldest line first. */
export type LogStream = AsyncIterable<Buffer> & { destroy(): void };

/**
 * Opens the last `tail` lines of the log (Infinity: all of it); with `until` (the Engine's
 * `seconds.nanoseconds`), only those written at or before it. The engine applies `tail` first.
 */
export type OpenLog = (tail: number, until: string | undefined) => Promise<LogStream>;

export interface LogScan {
  tty: boolean;
  /** Keep only lines containing this text (case-insensitive, after redaction). */
  grep?: string | undefined;
  /** Lines kept (the newest) and their characters. */
  maxLines: number;
  maxChars: number;
  /** Lines looked at, at most, counted from the end of the log (Infinity: the whole log). */
  lineLimit: number;
  /** Bytes read from the engine in all, at most. */
  byteBudget: number;
  /** Bytes one request may read (the per-call cap). */
  passBytes: number;
  /** Keep each line's time in the answer. */
  timestamps: boolean;
}

/** The first pass: a few hundred of Docker's (at most 16 KB) log entries. */
const FIRST_WINDOW = 500;
/**
 * A pass may read at most this share of what is left, so that when it does not fit (it read
 * the older part of its window), there is room to ask again for fewer lines.
 */
const PASS_SHARE = 0.5;
/** Passes are sized to fill this much of what they may read (line lengths vary). */
const FILL = 0.8;

/**
 * Reads a log newest first, so whatever stops the reading (the byte budget, the per-call cap,
 * the deadline) cuts off the oldest lines, never the newest. The Engine API only streams
 * forward, so the log is read in passes going back: the last 500 lines, then, with `until`
 * just before the oldest line seen, as many lines before those as likely fit in what the
 * next pass may read (judged by the lines read so far), and so on. A pass that still did not
 * fit read only the older part of its window: it is dropped and asked for again, smaller.
 * It stops when enough lines matched, at the line limit, at the start of the log, or when
 * the budget is spent. Every line is redacted before `grep` sees it (readLogTail).
 */
export async function readNewestFirst(open: OpenLog, scan: LogScan): Promise<LogTail> {
  const passes: LogTail[] = [];
  let covered = 0;
  let bytesRead = 0;
  let matched = 0;
  let scanCut = false;
  let window = Math.min(FIRST_WINDOW, scan.lineLimit);
  let boundary: string | undefined;
  /** What the next pass may read. */
  const passLimit = () => Math.floor(Math.min(scan.byteBudget - bytesRead, scan.passBytes) * PASS_SHARE);
  /** How many lines of this length likely fit in the next pass. */
  const fitting = (bytesPerLine: number) => Math.floor((passLimit() * FILL) / Math.max(1, bytesPerLine));

  for (;;) {
    if (passLimit() < 1) {
      scanCut = true;
      break;
    }
    let pass: LogTail;
    try {
      const stream = await open(window, boundary === undefined ? undefined : justBefore(boundary));
      try {
        pass = await readLogTail(stream, {
          tty: scan.tty,
          timestamps: true,
          grep: scan.grep,
          maxLines: scan.maxLines,
          maxChars: scan.maxChars,
          maxScanBytes: passLimit(),
        });
      } finally {
        stream.destroy();
      }
    } catch (error) {
      // Out of time after the newest lines were read: answer with those.
      if (error instanceof EngineTimeout && passes.length > 0) {
        scanCut = true;
        break;
      }
      throw error;
    }
    bytesRead += pass.bytesRead;
    if (pass.scanCut) {
      const fits = Math.min(fitting(pass.bytesRead / Math.max(1, pass.scanned)), window - covered - 1);
      if (fits < 1) {
        scanCut = true;
        break;
      }
      window = covered + fits;
      continue;
    }
    passes.push(pass);
    covered += pass.scanned;
    matched += pass.matched;
    // An empty pass means the start was reached; fewer lines than asked for does not (Docker
    // splits long lines into several entries, and `tail` counts entries).
    if (pass.scanned === 0 || pass.firstTime === undefined) break;
    if (matched >= scan.maxLines || window >= scan.lineLimit) break;
    boundary = pass.firstTime;
    const fits = fitting(bytesRead / covered);
    if (fits < 1) {
      scanCut = true;
      break;
    }
    window = Math.min(scan.lineLimit, covered + fits);
  }
  return combine(passes.reverse(), { ...scan, bytesRead, matched, scanCut });
}

/** The passes in log order (oldest first), keeping the newest lines within the bounds. */
function combine(passes: LogTail[], scan: LogScan & { bytesRead: number; matched: number; scanCut: boolean }): LogTail {
  const tail = new TailBuffer<LogLine>(scan.maxLines, scan.maxChars);
  for (const pass of passes) {
    for (const line of pass.lines) tail.push(scan.timestamps ? line : withoutTime(line), lineSize(line.text));
  }
  const lines = tail.items();
  const firstTime = passes[0]?.firstTime;
  return {
    lines,
    scanned: passes.reduce((sum, pass) => sum + pass.scanned, 0),
    matched: scan.matched,
    dropped: scan.matched - lines.length,
    scanCut: scan.scanCut,
    bytesRead: scan.bytesRead,
    peakChars: Math.max(tail.peakBytes, ...passes.map((pass) => pass.peakChars)),
    ...(firstTime ? { firstTime } : {}),
  };
}

function withoutTime({ stream, text, cut }: LogLine): LogLine {
  return { stream, text, ...(cut ? { cut } : {}) };
}

/**
 * The Engine's `until` one nanosecond before an RFC 3339 time the engine gave
 * (`2024-05-01T09:00:00.123456789Z` → `1714554000.123456788`): `until` is inclusive, and the
 * line at the boundary was already read.
 */
export function justBefore(time: string): string {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:?\d\d)$/.exec(time);
  if (!match) throw new RangeError(`not an engine timestamp: ${time}`);
  const seconds = Math.floor(Date.parse(`${match[1] ?? ''}${match[3] ?? ''}`) / 1000);
  const nanos = Number((match[2] ?? '').padEnd(9, '0'));
  return nanos > 0 ? `${String(seconds)}.${String(nanos - 1).padStart(9, '0')}` : `${String(seconds - 1)}.999999999`;
}
