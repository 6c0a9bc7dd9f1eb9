import { readFile, stat } from 'node:fs/promises';
import { attachmentTooLarge, DEFAULT_ATTACHMENT_BYTES, decodeTextFile, safeName } from '../core/attachment.ts';
import type { AttachmentOption } from '../core/command.ts';
import { UserError } from '../core/errors.ts';
import { PendingValue } from '../core/options.ts';
import { fromCallerDirectory } from '../paths.ts';
import { withParticle } from '../core/korean-particles.ts';

/** A file option on the console and CLI: the path is read when the command runs, with the same caps as an upload. */
export function localFileValue(path: string, spec: AttachmentOption): PendingValue {
  const max = spec.maxBytes ?? DEFAULT_ATTACHMENT_BYTES;
  return new PendingValue(async () => {
    const full = fromCallerDirectory(path);
    try {
      const info = await stat(full);
      if (info.isDirectory()) {
        throw new UserError('not-a-file', {
          ko: `${withParticle(`\`${safeName(path)}\``, '은/는')} 폴더예요. 파일 경로를 주세요 (예: \`${safeName(path.replace(/\/+$/, ''))}/Dockerfile\`).`,
          en:
            `\`${safeName(path)}\` is a folder. Give the path of a file (e.g. ` +
            `\`${safeName(path.replace(/\/+$/, ''))}/Dockerfile\`).`,
        });
      }
      if (info.size > max) throw attachmentTooLarge(path, info.size, max);
      return decodeTextFile(await readFile(full), path, max);
    } catch (error) {
      if (error instanceof UserError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw code === 'ENOENT' || code === 'ENOTDIR'
        ? new UserError('file-not-found', {
            ko: `파일을 찾을 수 없어요: \`${safeName(path)}\``,
            en: `No such file: \`${safeName(path)}\``,
          })
        : new UserError('file-unreadable', {
            ko: `파일을 읽을 수 없어요: \`${safeName(path)}\` (${code ?? 'error'})`,
            en: `Cannot read the file: \`${safeName(path)}\` (${code ?? 'error'})`,
          });
    }
  });
}
