import type { CodeBlock } from '../../core/reply.ts';

const FENCE = '```';
// A zero-width space between backticks keeps a ``` inside the content from closing the fence.
const BROKEN_FENCE = '``\u200b`';

/** A code block as Discord Markdown, safe whatever the content holds. */
export function fenced(block: CodeBlock): string {
  const language = (block.language ?? '').toLowerCase().replace(/[^a-z0-9+#-]/g, '');
  const content = block.content.replaceAll(FENCE, BROKEN_FENCE).replace(/\n+$/, '');
  const heading = block.title ? `**${block.title}**\n` : '';
  return `${heading}${FENCE}${language}\n${content}\n${FENCE}`;
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
