import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EngineTimeout } from '../../src/docker/engine-client.ts';
import { justBefore, readNewestFirst, type LogScan, type LogStream } from '../../src/docker/log-scan.ts';

/** A log as the engine keeps it: one entry per line, with its time in nanoseconds. */
interface Entry {
  ns: bigint;
  text: string;
}

const START_NS = BigInt(Date.parse('2024-05-01T00:00:00Z')) * 1_000_000n;

function logOf(texts: string[]): Entry[] {
  return texts.map((text, i) => ({ ns: START_NS + BigInt(i) * 1_000_123n, text }));
}

/** RFC 3339 with nanoseconds, trailing zeros trimmed, as Docker writes it. */
function rfc3339(ns: bigint): string {
  const seconds = new Date(Number(ns / 1_000_000_000n) * 1000).toISOString().slice(0, 19);
  const fraction = (ns % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${seconds}${fraction ? `.${fraction}` : ''}Z`;
}

function frame(payload: string): Buffer {
  const body = Buffer.from(payload);
  const header = Buffer.alloc(8);
  header[0] = 1;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

/**
 * The Engine API's logs endpoint over an in-memory log: `tail` counts entries from the end,
 * then `until` (inclusive, `seconds.nanoseconds`) drops newer ones; sent oldest first in
 * frames of `chunk` entries. Records every request.
 */
function engineLog(entries: Entry[], options: { chunk?: number; failAfter?: number } = {}) {
  const requests: Array<{ tail: number; until: string | undefined }> = [];
  const open = (tail: number, until: string | undefined): Promise<LogStream> => {
    requests.push({ tail, until });
    if (options.failAfter !== undefined && requests.length > options.failAfter) {
      return Promise.reject(new EngineTimeout(1000));
    }
    const limit = until === undefined ? undefined : untilNs(until);
    const window = entries.slice(Number.isFinite(tail) ? Math.max(0, entries.length - tail) : 0);
    const sent = window.filter((e) => limit === undefined || e.ns <= limit);
    const chunk = options.chunk ?? 50;
    function* stream(): Generator<Buffer> {
      for (let i = 0; i < sent.length; i += chunk) {
        yield Buffer.concat(sent.slice(i, i + chunk).map((e) => frame(`${rfc3339(e.ns)} ${e.text}\n`)));
      }
    }
    return Promise.resolve(Readable.from(stream()) as LogStream);
  };
  return { open, requests };
}

function untilNs(until: string): bigint {
  const [seconds = '0', nanos = '0'] = until.split('.');
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos.padEnd(9, '0'));
}

const scan = (overrides: Partial<LogScan>): LogScan => ({
  tty: false,
  maxLines: 100,
  maxChars: 100_000,
  lineLimit: 50_000,
  byteBudget: 16 * 1024 * 1024,
  passBytes: 16 * 1024 * 1024,
  timestamps: false,
  ...overrides,
});

const padded = (i: number, width: number) => `line ${String(i).padStart(5, '0')} ${'.'.repeat(width)}`;

describe('reading a log newest first', () => {
  it('a tail that fits is one request, as before', async () => {
    const log = engineLog(logOf(Array.from({ length: 300 }, (_, i) => padded(i, 10))));
    const tail = await readNewestFirst(log.open, scan({ maxLines: 100, lineLimit: 100 }));
    expect(log.requests).toEqual([{ tail: 100, until: undefined }]);
    expect(tail.lines.map((l) => l.text)).toEqual(Array.from({ length: 100 }, (_, i) => padded(200 + i, 10)));
    expect(tail.scanCut).toBe(false);
    expect(tail.lines[0]?.time).toBeUndefined();
  });

  it('--grep past the byte budget finds the newest matches, not the oldest', async () => {
    const texts = Array.from({ length: 3000 }, (_, i) => padded(i, 100));
    for (const i of [3, 7, 2990, 2995]) texts[i] = `${texts[i] ?? ''} MATCH`;
    const log = engineLog(logOf(texts));
    const tail = await readNewestFirst(
      log.open,
      scan({ grep: 'match', maxLines: 10, byteBudget: 60_000, passBytes: 60_000, timestamps: true }),
    );
    expect(tail.lines.map((l) => l.text.slice(0, 10))).toEqual(['line 02990', 'line 02995']);
    expect(tail.scanCut).toBe(true);
    expect(tail.bytesRead).toBeLessThanOrEqual(60_000 + 50 * 150);
    // Read newest first: the lines read are the last ones, without a gap.
    expect(tail.scanned).toBeGreaterThan(100);
    expect(tail.firstTime).toBe(rfc3339(logOf(texts)[3000 - tail.scanned]?.ns ?? 0n));
    expect(tail.lines.every((l) => l.time !== undefined)).toBe(true);
  });

  it('goes back pass by pass with `until` just before the oldest line read, until enough lines match', async () => {
    const texts = Array.from({ length: 5000 }, (_, i) => padded(i, 20) + (i % 1000 === 0 ? ' MATCH' : ''));
    const entries = logOf(texts);
    const log = engineLog(entries);
    const tail = await readNewestFirst(
      log.open,
      scan({ grep: 'match', maxLines: 3, byteBudget: 1_000_000, passBytes: 100_000 }),
    );
    expect(tail.lines.map((l) => l.text.slice(0, 10))).toEqual(['line 02000', 'line 03000', 'line 04000']);
    expect(log.requests[0]).toEqual({ tail: 500, until: undefined });
    expect(log.requests[1]?.until).toBe(justBefore(rfc3339(entries[4500]?.ns ?? 0n)));
    expect(log.requests.length).toBeGreaterThan(2);
    expect(tail.scanned).toBeLessThan(5000);
  });

  it('reads a whole log back to its start, each line once', async () => {
    const texts = Array.from({ length: 2345 }, (_, i) => padded(i, 5));
    const log = engineLog(logOf(texts), { chunk: 7 });
    const tail = await readNewestFirst(
      log.open,
      scan({
        grep: 'line',
        maxLines: 5000,
        maxChars: 1_000_000,
        lineLimit: Infinity,
        byteBudget: 1_000_000,
        passBytes: 60_000,
      }),
    );
    expect(tail.lines.map((l) => l.text)).toEqual(texts);
    expect(tail.scanned).toBe(2345);
    expect(tail.scanCut).toBe(false);
    expect(log.requests.length).toBeGreaterThan(3);
  });

  it('running out of time after the newest lines answers with those', async () => {
    const log = engineLog(logOf(Array.from({ length: 3000 }, (_, i) => padded(i, 5))), { failAfter: 1 });
    const tail = await readNewestFirst(log.open, scan({ grep: 'line', maxLines: 1000 }));
    expect(tail.lines).toHaveLength(500);
    expect(tail.lines.at(-1)?.text).toBe(padded(2999, 5));
    expect(tail.scanCut).toBe(true);
    const first = engineLog([], { failAfter: 0 });
    await expect(readNewestFirst(first.open, scan({}))).rejects.toBeInstanceOf(EngineTimeout);
  });

  it('`until` is one nanosecond before a time', () => {
    expect(justBefore('2024-05-01T09:00:00.123456789Z')).toBe('1714554000.123456788');
    expect(justBefore('2024-05-01T09:00:00.5Z')).toBe('1714554000.499999999');
    expect(justBefore('2024-05-01T09:00:00Z')).toBe('1714553999.999999999');
    expect(justBefore('2024-05-01T18:00:00.000000001+09:00')).toBe('1714554000.000000000');
  });
});
