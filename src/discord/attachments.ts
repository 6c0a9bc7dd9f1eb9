import type { Attachment } from 'discord.js';
import {
  attachmentTooLarge,
  DEFAULT_ATTACHMENT_BYTES,
  decodeTextFile,
  safeName,
  type AttachedFile,
} from '../core/attachment.ts';
import type { AttachmentOption } from '../core/command.ts';
import { UserError } from '../core/errors.ts';
import { PendingValue } from '../core/options.ts';
import { withParticle } from '../core/korean-particles.ts';

/** Where Discord serves uploads. */
export const DISCORD_CDN_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];
const DISCORD_API_ORIGIN = 'https://discord.com';
const ATTACHMENT_PATHS = ['/attachments/', '/ephemeral-attachments/'];
const FETCH_TIMEOUT_MS = 10_000;

/**
 * Origins uploads may be fetched from: Discord's CDN, and the origin of `DISCORD_API_BASE` when
 * the operator pointed it elsewhere (a REST proxy, the test emulator), which serves them then.
 */
export function attachmentOrigins(apiBase: string): string[] {
  let origin: string | undefined;
  try {
    origin = new URL(apiBase).origin;
  } catch {
    origin = undefined;
  }
  return origin && origin !== DISCORD_API_ORIGIN ? [...DISCORD_CDN_ORIGINS, origin] : DISCORD_CDN_ORIGINS;
}

/**
 * An uploaded file as an option value the dispatcher awaits: fetched only from the URL Discord
 * resolved for this interaction, only from an allowed origin, with a size cap (checked before and
 * while downloading) and a timeout.
 */
export function attachmentValue(
  attachment: Pick<Attachment, 'name' | 'url' | 'size'>,
  spec: AttachmentOption,
  origins: string[],
): PendingValue {
  const max = spec.maxBytes ?? DEFAULT_ATTACHMENT_BYTES;
  return new PendingValue((signal) => download(attachment, max, origins, signal));
}

async function download(
  attachment: Pick<Attachment, 'name' | 'url' | 'size'>,
  max: number,
  origins: string[],
  signal: AbortSignal,
): Promise<AttachedFile> {
  if (attachment.size > max) throw attachmentTooLarge(attachment.name, attachment.size, max);
  const url = allowedUrl(attachment.url, origins);
  if (!url) {
    throw new UserError('attachment-refused', {
      ko: `\`${safeName(attachment.name)}\`의 주소가 Discord 첨부 파일 주소가 아니라서 받지 않았어요. 파일을 다시 첨부해 주세요.`,
      en:
        `\`${safeName(attachment.name)}\` does not come from Discord's attachment address, so it was not fetched. ` +
        `Attach the file again.`,
    });
  }
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.any([signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]),
      redirect: 'error',
    });
  } catch {
    throw fetchFailed(attachment.name);
  }
  if (!response.ok || !response.body) throw fetchFailed(attachment.name);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) throw attachmentTooLarge(attachment.name, size, max);
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fetchFailed(attachment.name);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return decodeTextFile(Buffer.concat(chunks), attachment.name, max);
}

function allowedUrl(raw: string, origins: string[]): URL | undefined {
  try {
    const url = new URL(raw);
    if (!origins.includes(url.origin) || url.username || url.password) return undefined;
    return ATTACHMENT_PATHS.some((p) => url.pathname.startsWith(p)) ? url : undefined;
  } catch {
    return undefined;
  }
}

function fetchFailed(filename: string): UserError {
  return new UserError('attachment-fetch-failed', {
    ko: `첨부 파일 ${withParticle(`\`${safeName(filename)}\``, '을/를')} 받지 못했어요. 잠시 뒤 다시 올려 주세요.`,
    en: `Could not fetch the attachment \`${safeName(filename)}\`. Please upload it again in a moment.`,
  });
}
