import type { CodeBlock } from '../../core/reply.ts';

const FENCE = '```';
/**
 * Every run of three or more backticks in the content is broken by a zero-width space after
 * each pair (``` → ``\u200b`, ````` → ``\u200b``\u200b`), so no run can close the fence,
 * whether the Markdown parser closes at the first ``` (Discord) or at a run at least as long
 * as the opening one (CommonMark): a longer fence alone would not hold in Discord.
 */
const PAIR_BEFORE_BACKTICK = /``(?=`)/g;

/** A code block as Discord Markdown, safe whatever the content holds. */
export function fenced(block: CodeBlock): string {
  const language = (block.language ?? '').toLowerCase().replace(/[^a-z0-9+#-]/g, '');
  const content = trimNewlines(block.content.replace(PAIR_BEFORE_BACKTICK, '``\u200b'));
  const heading = block.title ? `**${block.title}**\n` : '';
  return `${heading}${FENCE}${language}\n${content}\n${FENCE}`;
}

/** Drops trailing newlines (a loop: `/\n+$/` backtracks over every long run of blank lines). */
function trimNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

const EXTENSIONS: Record<string, string> = {
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  dockerfile: 'Dockerfile.txt',
  sh: 'sh',
  bash: 'sh',
};

/** A file name for a code block sent as an attachment: its title in ASCII, or `output`. */
export function codeFileName(block: CodeBlock, taken: Set<string>): string {
  const base =
    (block.title ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'output';
  const extension = EXTENSIONS[(block.language ?? '').toLowerCase()] ?? 'txt';
  let name = `${base}.${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.${extension}`;
  taken.add(name);
  return name;
}
