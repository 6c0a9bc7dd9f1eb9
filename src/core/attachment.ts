import { UserError } from './errors.ts';
import { withParticle } from './korean-particles.ts';

/** A text file a member gave a command: a Discord upload, or a path on the console and CLI. */
export interface AttachedFile {
  /** The name the member knows it by (the upload's file name, the path as typed). */
  filename: string;
  text: string;
}

/** Largest file an attachment option takes unless its spec says otherwise. */
export const DEFAULT_ATTACHMENT_BYTES = 64 * 1024;

/**
 * The bytes of a file as text, or a UserError a member understands: too large, or not text
 * (NUL bytes, invalid UTF-8). A byte-order mark picks UTF-16, which Windows editors write.
 */
export function decodeTextFile(bytes: Uint8Array, filename: string, maxBytes: number): AttachedFile {
  if (bytes.byteLength > maxBytes) throw attachmentTooLarge(filename, bytes.byteLength, maxBytes);
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw attachmentNotText(filename);
  }
  if (text.includes('\u0000')) throw attachmentNotText(filename);
  return { filename, text };
}

export function attachmentTooLarge(filename: string, size: number, maxBytes: number): UserError {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  return new UserError('attachment-too-large', {
    ko: `${withParticle(`\`${safeName(filename)}\``, '이/가')} 너무 커요 (${kb(size)}). ${kb(maxBytes)}까지 받을 수 있어요.`,
    en: `\`${safeName(filename)}\` is too large (${kb(size)}); the limit is ${kb(maxBytes)}.`,
  });
}

export function attachmentNotText(filename: string): UserError {
  return new UserError('attachment-not-text', {
    ko: `${withParticle(`\`${safeName(filename)}\``, '은/는')} 텍스트 파일이 아니에요. 바이너리나 압축 파일 말고 텍스트 파일을 주세요.`,
    en: `\`${safeName(filename)}\` is not a text file. Give a text file, not a binary or an archive.`,
  });
}

/** A file name shown inside inline code: no backticks, no line breaks, not endless. */
export function safeName(filename: string): string {
  const clean = filename.replace(/[`\r\n]/g, '_');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}
