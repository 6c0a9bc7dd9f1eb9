import { readFileSync, statSync } from 'node:fs';
import type { CommandContext } from '../../src/core/context.ts';
import { UserError } from '../../src/core/errors.ts';

const MAX_FILE_BYTES = 512 * 1024;

export interface TextInput {
  /** The file name as given, or undefined for pasted text. */
  file?: string;
  text: string;
}

/**
 * An option that is a file on the console and CLI (`ecs lint taskdef.json`), and the pasted text
 * itself in Discord, where a member's words must never become a path on the bot's machine. Text
 * that is plainly content (JSON, a code block, nginx braces, several lines) is taken as content
 * on every transport.
 */
export function textOrFile(value: string, ctx: CommandContext): TextInput {
  const inline = /^\s*(?:```|[{["])/.test(value) || /[\n{]/.test(value);
  if (inline || ctx.caller.transport !== 'cli') return { text: value };
  const path = value.trim();
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError('file-not-found', {
      ko: `\`${path}\` 파일을 읽을 수 없어요 (${code}). 경로를 확인하거나 JSON을 그대로 붙여 넣어 주세요.`,
      en: `Cannot read the file \`${path}\` (${code}). Check the path, or paste the JSON itself.`,
    });
  }
  if (size > MAX_FILE_BYTES) {
    throw new UserError('file-too-large', {
      ko: `\`${path}\` 파일이 너무 커요 (${Math.round(size / 1024)} KB, 최대 ${MAX_FILE_BYTES / 1024} KB).`,
      en: `\`${path}\` is too large (${Math.round(size / 1024)} KB, at most ${MAX_FILE_BYTES / 1024} KB).`,
    });
  }
  return { file: path, text: readFileSync(path, 'utf8') };
}
