import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/core/redact.ts';
import { LineSplitter } from '../../src/docker/line-splitter.ts';
import { FrameDemuxer, type StreamName } from '../../src/docker/log-demux.ts';
import { readLogTail } from '../../src/docker/log-reader.ts';
import { TailBuffer } from '../../src/docker/tail-buffer.ts';

/** One multiplexed frame as the engine sends it. */
function frame(stream: 1 | 2, text: string | Buffer): Buffer {
  const payload = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** Cuts bytes into pieces at the given sizes (cycled), to split headers and payloads anywhere. */
function chop(bytes: Buffer, sizes: number[]): Buffer[] {
  const pieces: Buffer[] = [];
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? bytes.length;
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

function demuxAll(pieces: Buffer[], raw = false): Array<[StreamName, string]> {
  const out: Array<[StreamName, Buffer]> = [];
  const demuxer = new FrameDemuxer((stream, payload) => out.push([stream, Buffer.from(payload)]), { raw });
  for (const piece of pieces) demuxer.push(piece);
  // Join consecutive pieces of the same stream, as a reader would.
  const joined: Array<[StreamName, string]> = [];
  for (const [stream, payload] of out) {
    const last = joined[joined.length - 1];
    if (last && last[0] === stream) last[1] += payload.toString();
    else joined.push([stream, payload.toString()]);
  }
  return joined;
}

/** The pieces as the engine's stream delivers them: one per turn of the event loop. */
async function* chunks(pieces: Buffer[]): AsyncGenerator<Buffer> {
  for (const piece of pieces) {
    await Promise.resolve();
    yield piece;
  }
}

describe('FrameDemuxer', () => {
  const stream = Buffer.concat([
    frame(1, 'out one\n'),
    frame(2, 'err one\n'),
    frame(1, 'out two\n'),
    frame(2, ''),
    frame(2, 'err two\n'),
  ]);
  const expected: Array<[StreamName, string]> = [
    ['stdout', 'out one\n'],
    ['stderr', 'err one\n'],
    ['stdout', 'out two\n'],
    ['stderr', 'err two\n'],
  ];

  it('reads stream type and big-endian length from each 8-byte header', () => {
    expect(demuxAll([stream])).toEqual(expected);
  });

  it.each([[[1]], [[3]], [[7]], [[8]], [[9]], [[5, 11, 2]], [[13, 1]]])(
    'handles headers and payloads cut across chunks (sizes %j)',
    (sizes) => {
      expect(demuxAll(chop(stream, sizes))).toEqual(expected);
    },
  );

  it('reads a frame longer than 64 KiB (length uses all four bytes)', () => {
    const big = 'x'.repeat(70_000);
    expect(demuxAll(chop(frame(1, big), [4096]))).toEqual([['stdout', big]]);
  });

  it('passes a TTY stream through unframed', () => {
    expect(demuxAll([Buffer.from('plain\x01 text\n')], true)).toEqual([['stdout', 'plain\x01 text\n']]);
  });

  it('falls back to raw text when the bytes are not framed', () => {
    expect(demuxAll([Buffer.from('hello, world\nmore\n')])).toEqual([['stdout', 'hello, world\nmore\n']]);
  });
});

describe('LineSplitter', () => {
  it('joins lines cut across pieces, per stream, and decodes UTF-8 cut mid-character', () => {
    const lines: Array<[StreamName, string]> = [];
    const splitter = new LineSplitter((stream, line) => lines.push([stream, line]));
    const korean = Buffer.from('컨테이너 시작\n');
    splitter.push('stdout', korean.subarray(0, 4));
    splitter.push('stderr', Buffer.from('warn'));
    splitter.push('stdout', korean.subarray(4));
    splitter.push('stderr', Buffer.from('ing\r\nlast without newline'));
    splitter.end();
    expect(lines).toEqual([
      ['stdout', '컨테이너 시작'],
      ['stderr', 'warning'],
      ['stderr', 'last without newline'],
    ]);
  });

  it('keeps at most maxLineChars of an endless line and marks it cut', () => {
    const lines: Array<{ line: string; cut: boolean }> = [];
    const splitter = new LineSplitter((_s, line, cut) => lines.push({ line, cut }), 10);
    for (let i = 0; i < 1000; i++) splitter.push('stdout', Buffer.from('abcdefgh'));
    splitter.push('stdout', Buffer.from('\nnext\n'));
    expect(lines).toEqual([
      { line: 'abcdefghab', cut: true },
      { line: 'next', cut: false },
    ]);
  });
});

describe('TailBuffer', () => {
  it('keeps the last items within count and size', () => {
    const tail = new TailBuffer<number>(3, 100);
    for (let i = 1; i <= 10; i++) tail.push(i, 10);
    expect(tail.items()).toEqual([8, 9, 10]);
    expect(tail.dropped).toBe(7);
    const small = new TailBuffer<string>(10, 25);
    for (const s of ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc']) small.push(s, s.length);
    expect(small.items()).toEqual(['bbbbbbbbbb', 'cccccccccc']);
    expect(small.peakBytes).toBeLessThanOrEqual(25);
  });
});

describe('readLogTail', () => {
  it('demuxes, strips timestamps, redacts and keeps the order of stdout and stderr', async () => {
    const body = Buffer.concat([
      frame(1, '2024-05-01T09:00:00.000000001Z starting\n'),
      frame(2, '2024-05-01T09:00:01.5Z DB_PASSWORD=hunter2\n'),
      frame(1, '2024-05-01T09:00:02Z ready\n'),
    ]);
    const tail = await readLogTail(chunks(chop(body, [5])), {
      tty: false,
      timestamps: true,
      maxLines: 10,
      maxChars: 10_000,
    });
    expect(tail.lines).toEqual([
      { stream: 'stdout', time: '2024-05-01T09:00:00.000000001Z', text: 'starting' },
      { stream: 'stderr', time: '2024-05-01T09:00:01.5Z', text: `DB_PASSWORD=${REDACTED}` },
      { stream: 'stdout', time: '2024-05-01T09:00:02Z', text: 'ready' },
    ]);
    expect(tail.scanned).toBe(3);
  });

  it('greps after redaction, so a secret cannot be searched for', async () => {
    const body = Buffer.concat([frame(1, 'token=supersecret\n'), frame(1, 'error: boom\n'), frame(2, 'ERROR again\n')]);
    const found = await readLogTail(chunks([body]), {
      tty: false,
      timestamps: false,
      grep: 'error',
      maxLines: 10,
      maxChars: 10_000,
    });
    expect(found.lines.map((l) => l.text)).toEqual(['error: boom', 'ERROR again']);
    const secret = await readLogTail(chunks([body]), {
      tty: false,
      timestamps: false,
      grep: 'supersecret',
      maxLines: 10,
      maxChars: 10_000,
    });
    expect(secret.lines).toEqual([]);
  });

  it('reads 100,000 lines holding only the tail it needs', async () => {
    async function* manyFrames(): AsyncGenerator<Buffer> {
      for (let start = 1; start <= 100_000; start += 1000) {
        const batch: Buffer[] = [];
        for (let i = start; i < start + 1000; i++) batch.push(frame(i % 2 ? 1 : 2, `line ${i}\n`));
        await Promise.resolve();
        yield Buffer.concat(batch);
      }
    }
    const tail = await readLogTail(manyFrames(), { tty: false, timestamps: false, maxLines: 50, maxChars: 4000 });
    expect(tail.scanned).toBe(100_000);
    expect(tail.lines).toHaveLength(50);
    expect(tail.lines.at(-1)).toEqual({ stream: 'stderr', text: 'line 100000' });
    expect(tail.lines[0]?.text).toBe('line 99951');
    expect(tail.peakChars).toBeLessThanOrEqual(4000);
    expect(tail.dropped).toBe(100_000 - 50);
  });

  it('stops at maxScanBytes and says so', async () => {
    const body = Buffer.concat(Array.from({ length: 100 }, (_, i) => frame(1, `line ${i}\n`)));
    const tail = await readLogTail(chunks(chop(body, [100])), {
      tty: false,
      timestamps: false,
      maxLines: 1000,
      maxChars: 100_000,
      maxScanBytes: 300,
    });
    expect(tail.scanCut).toBe(true);
    expect(tail.scanned).toBeLessThan(100);
  });

  it('reads no more than maxScanBytes even when the engine sends one large chunk', async () => {
    const body = Buffer.concat(Array.from({ length: 1000 }, (_, i) => frame(1, `line ${String(i)}\n`)));
    const tail = await readLogTail(chunks([body]), {
      tty: false,
      timestamps: false,
      maxLines: 1000,
      maxChars: 100_000,
      maxScanBytes: 300,
    });
    expect(tail.scanCut).toBe(true);
    expect(tail.bytesRead).toBe(300);
    expect(tail.scanned).toBeLessThan(30);
  });
});
