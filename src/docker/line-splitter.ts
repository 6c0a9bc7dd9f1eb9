import { StringDecoder } from 'node:string_decoder';
import type { StreamName } from './log-demux.ts';

/**
 * Turns stream pieces into whole lines, per stream, keeping at most `maxLineChars` of a
 * line (the rest is dropped until its newline), so one endless line cannot fill memory.
 * UTF-8 characters cut between pieces are decoded whole.
 */
export class LineSplitter {
  private readonly partial: Record<StreamName, { decoder: StringDecoder; text: string; cut: boolean }> = {
    stdout: { decoder: new StringDecoder('utf8'), text: '', cut: false },
    stderr: { decoder: new StringDecoder('utf8'), text: '', cut: false },
  };

  constructor(
    private readonly emit: (stream: StreamName, line: string, cut: boolean) => void,
    private readonly maxLineChars = 4000,
  ) {}

  push(stream: StreamName, bytes: Buffer): void {
    const state = this.partial[stream];
    const text = state.decoder.write(bytes);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      this.append(stream, text.slice(start, nl));
      this.flush(stream);
      start = nl + 1;
    }
    this.append(stream, text.slice(start));
  }

  /** Emits the unterminated last lines. */
  end(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      this.append(stream, this.partial[stream].decoder.end());
      if (this.partial[stream].text !== '' || this.partial[stream].cut) this.flush(stream);
    }
  }

  private append(stream: StreamName, piece: string): void {
    const state = this.partial[stream];
    if (piece === '') return;
    const room = this.maxLineChars - state.text.length;
    if (piece.length > room) {
      state.text += piece.slice(0, Math.max(0, room));
      state.cut = true;
    } else {
      state.text += piece;
    }
  }

  private flush(stream: StreamName): void {
    const state = this.partial[stream];
    const line = state.text.endsWith('\r') ? state.text.slice(0, -1) : state.text;
    this.emit(stream, line, state.cut);
    state.text = '';
    state.cut = false;
  }
}
