import { LineRedactor } from '../core/redact.ts';
import { FrameDemuxer, type StreamName } from './log-demux.ts';
import { LineSplitter } from './line-splitter.ts';
import { TailBuffer } from './tail-buffer.ts';

export interface LogLine {
  stream: StreamName;
  /** RFC 3339 time the engine recorded, when asked for timestamps. */
  time?: string;
  /** Redacted text, at most `maxLineChars` (then `cut`). */
  text: string;
  cut?: boolean;
}

export interface LogReadOptions {
  /** TTY containers write one unframed stream. */
  tty: boolean;
  /** The engine prefixes each line with its RFC 3339 time. */
  timestamps: boolean;
  /** Keep only lines containing this text (case-insensitive, matched after redaction). */
  grep?: string | undefined;
  /** Lines kept: the last ones. */
  maxLines: number;
  /** Total characters kept. */
  maxChars: number;
  maxLineChars?: number;
  /** Stop reading after this many bytes (the answer says the scan was cut). */
  maxScanBytes?: number;
}

export interface LogTail {
  lines: LogLine[];
  /** Lines read from the engine. */
  scanned: number;
  /** Lines that matched --grep (all lines without it). */
  matched: number;
  /** Matching lines dropped to keep the last `maxLines` within `maxChars`. */
  dropped: number;
  /** Reading stopped at maxScanBytes. */
  scanCut: boolean;
  bytesRead: number;
  /** The most characters the tail held at once (bounded by maxChars). */
  peakChars: number;
  /** The engine's time of the first (oldest) line read, when asked for timestamps. */
  firstTime?: string;
}

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) ?/;

/**
 * Reads a log stream to its end keeping only the tail: demultiplexes frames, splits lines,
 * strips timestamps, redacts every line (so --grep can never find a secret), filters and
 * keeps the last lines within the bounds. Memory stays bounded whatever the log's length.
 */
export async function readLogTail(source: AsyncIterable<Buffer | string>, options: LogReadOptions): Promise<LogTail> {
  const tail = new TailBuffer<LogLine>(options.maxLines, options.maxChars);
  const redactors: Record<StreamName, LineRedactor> = { stdout: new LineRedactor(), stderr: new LineRedactor() };
  const needle = options.grep?.toLowerCase();
  let scanned = 0;
  let matched = 0;
  let firstTime: string | undefined;

  const splitter = new LineSplitter((stream, raw, cut) => {
    scanned++;
    let text = raw;
    let time: string | undefined;
    if (options.timestamps) {
      const stamp = TIMESTAMP.exec(text);
      if (stamp) {
        time = stamp[1];
        firstTime ??= time;
        text = text.slice(stamp[0].length);
      }
    }
    text = redactors[stream].line(text);
    if (needle && !text.toLowerCase().includes(needle)) return;
    matched++;
    tail.push({ stream, ...(time ? { time } : {}), text, ...(cut ? { cut } : {}) }, lineSize(text));
  }, options.maxLineChars);
  const demuxer = new FrameDemuxer(
    (stream, payload) => {
      splitter.push(stream, payload);
    },
    { raw: options.tty },
  );

  let bytesRead = 0;
  let scanCut = false;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytesRead += bytes.length;
    demuxer.push(bytes);
    if (options.maxScanBytes !== undefined && bytesRead >= options.maxScanBytes) {
      scanCut = true;
      break;
    }
  }
  splitter.end();
  return {
    lines: tail.items(),
    scanned,
    matched,
    dropped: tail.dropped,
    scanCut,
    bytesRead,
    peakChars: tail.peakBytes,
    ...(firstTime ? { firstTime } : {}),
  };
}

/** What a kept line counts against `maxChars`: its text and room for its time and stream. */
export function lineSize(text: string): number {
  return text.length + 40;
}
