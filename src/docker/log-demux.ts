export type StreamName = 'stdout' | 'stderr';

const HEADER_BYTES = 8;

/**
 * Splits the Engine API's multiplexed stream (non-TTY containers) into its parts.
 * Each frame: 1 byte stream type (0 stdin, 1 stdout, 2 stderr), 3 zero bytes, a
 * big-endian uint32 payload length, then the payload. Headers and payloads may be cut
 * anywhere across chunks; payload pieces are passed on as they arrive (no frame is
 * buffered whole). A TTY container's stream has no framing: use `raw`.
 */
export class FrameDemuxer {
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerFilled = 0;
  private remaining = 0;
  private stream: StreamName = 'stdout';
  /** Set when the bytes turned out not to be framed: the rest is passed through as stdout. */
  private unframed: boolean;

  constructor(
    private readonly emit: (stream: StreamName, payload: Buffer) => void,
    options: { raw?: boolean } = {},
  ) {
    this.unframed = options.raw === true;
  }

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.unframed) {
        this.emit('stdout', chunk.subarray(offset));
        return;
      }
      if (this.remaining === 0) {
        const take = Math.min(HEADER_BYTES - this.headerFilled, chunk.length - offset);
        chunk.copy(this.header, this.headerFilled, offset, offset + take);
        this.headerFilled += take;
        offset += take;
        if (this.headerFilled < HEADER_BYTES) return;
        this.headerFilled = 0;
        if (!this.isHeader()) {
          // Not a frame header (a TTY stream we were not told about): keep the bytes as text.
          this.unframed = true;
          this.emit('stdout', Buffer.from(this.header));
          continue;
        }
        this.stream = this.header[0] === 2 ? 'stderr' : 'stdout';
        this.remaining = this.header.readUInt32BE(4);
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      this.emit(this.stream, chunk.subarray(offset, offset + take));
      this.remaining -= take;
      offset += take;
    }
  }

  private isHeader(): boolean {
    return (this.header[0] ?? 0xff) <= 2 && this.header[1] === 0 && this.header[2] === 0 && this.header[3] === 0;
  }
}
