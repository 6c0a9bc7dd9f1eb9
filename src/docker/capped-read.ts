/** What was read of a body, and whether it went on past the cap. */
export interface CappedBody {
  body: Buffer;
  /** The body was longer than the cap: reading stopped there and the stream was destroyed. */
  cut: boolean;
}

/**
 * Reads a finite stream to its end, keeping at most `maxBytes`: past the cap reading stops
 * and the stream is destroyed, so an engine answer of any size costs at most the cap in memory.
 */
export async function readCapped(
  stream: AsyncIterable<unknown> & { destroy(): void },
  maxBytes: number,
): Promise<CappedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      if (size + buffer.length > maxBytes) {
        chunks.push(buffer.subarray(0, maxBytes - size));
        size = maxBytes;
        cut = true;
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } finally {
    stream.destroy();
  }
  return { body: Buffer.concat(chunks, size), cut };
}
