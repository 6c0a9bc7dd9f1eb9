/**
 * Container output inside a code block cannot close it (issue 13: five backticks in a log
 * survived as a live fence, so a log could render its own Markdown and links in Discord).
 * Checked on what the Discord renderer sends, against both ways a parser may close a fence.
 */
import { describe, expect, it } from 'vitest';
import { fenced } from '../../src/discord/render/code.ts';
import { codeSpan } from '../../src/core/text.ts';
import { renderReply } from '../../src/discord/render/reply-message.ts';

/** Discord closes a code block at the first ``` after the opening one. */
function firstFenceClose(markdown: string): number {
  const open = markdown.indexOf('```');
  return markdown.indexOf('```', open + 3);
}

/** CommonMark closes it at a line holding only a backtick run at least as long as the opening one. */
function commonMarkClose(markdown: string): number {
  const lines = markdown.split('\n');
  const opening = /^(`{3,})/.exec(lines[0] ?? '')?.[1]?.length ?? 0;
  let offset = (lines[0]?.length ?? 0) + 1;
  for (const line of lines.slice(1)) {
    const run = /^ {0,3}(`{3,})[ \t]*$/.exec(line)?.[1];
    if (run && run.length >= opening) return offset;
    offset += line.length + 1;
  }
  return -1;
}

const HOSTILE = [
  'before ``` after',
  '`````\n**bold** [click](https://evil.example) @everyone\n`````',
  '````\n# heading\n````',
  'ends with backticks ``',
  '``````````',
  '```js\nalert(1)\n```',
  '`',
  '\n```\n',
];

describe('code fences hold whatever the content', () => {
  it.each(HOSTILE)('%j stays inside its block', (content) => {
    const message = renderReply({ title: 'logs', code: [{ language: 'text', content }] }, 'ko');
    const description = message.embeds[0]?.description ?? '';
    expect(description.startsWith('```text\n')).toBe(true);
    expect(description.endsWith('\n```')).toBe(true);
    const end = description.length - 3;
    expect(firstFenceClose(description)).toBe(end);
    expect(commonMarkClose(description)).toBe(end);
    // Nothing but zero-width spaces was added: the text reads the same.
    expect(description.slice('```text\n'.length, end - 1).replaceAll('\u200b', '')).toBe(content.replace(/\n+$/, ''));
  });

  it('drops trailing newlines without backtracking over long blank runs', () => {
    // `/\n+$/` took ~1.3 s on 50,000 blank lines before a last one, and 4× that on twice as many.
    const content = '\n'.repeat(200_000) + 'last\n\n';
    expect(fenced({ content })).toBe('```\n' + '\n'.repeat(200_000) + 'last\n```');
  });

  it('breaks every run of three or more backticks, whatever its length', () => {
    for (let n = 1; n <= 12; n++) {
      const block = fenced({ content: `x${'`'.repeat(n)}y` });
      const inner = block.slice(4, -4);
      expect(inner).not.toContain('```');
      expect(inner.replaceAll('\u200b', '')).toBe(`x${'`'.repeat(n)}y`);
    }
  });

  it('keeps a container command in its inline code span (docker inspect’s Command field)', () => {
    const command = "sh -c echo '````` **bold** [click](https://evil.example) `x`'\necho done";
    const span = codeSpan(command);
    expect(span.match(/`/g)).toHaveLength(2);
    expect(span.startsWith('`') && span.endsWith('`')).toBe(true);
    expect(span).toContain('[click](https://evil.example)');
    expect(span).toContain('\necho done');
  });
});
