/**
 * Discord-flavoured Markdown to the text it shows: fences, inline code, bold/italic/underline/
 * strike/spoiler markers, headings, quotes, masked links and HTML comments removed; the words
 * kept. Single `*` and `_` stay (they are usually part of a path or glob: `*.conf`, `_data`).
 * For replies dockhand wrote (not for hostile input: the link pattern is not bounded).
 */
export function stripMarkup(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[ \t]*```[^\n]*$/gm, '')
    .replace(/^[ \t]*#{1,3}[ \t]+/gm, '')
    .replace(/^[ \t]*>{1,3}[ \t]?/gm, '')
    .replace(/\[([^\]\n]+)\]\((?:https?:\/\/|<https?:\/\/)[^)\s]+\)/g, '$1')
    .replace(/`+/g, '')
    .replace(/\*\*|__|~~|\|\|/g, '');
}
