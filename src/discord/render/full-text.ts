import type { Reply } from '../../core/reply.ts';
import { fenced } from './code.ts';

/** The whole reply as Markdown, attached when the message itself had to leave something out. */
export function fullText(reply: Reply): string {
  const out: string[] = [];
  if (reply.title) out.push(`# ${reply.title}`);
  if (reply.text) out.push(reply.text);
  for (const field of reply.fields ?? []) out.push(`## ${field.name}\n${field.value}`);
  for (const block of reply.code ?? []) out.push(fenced(block));
  if (reply.hits?.length && !reply.text) {
    out.push(reply.hits.map((h, i) => `${i + 1}. **${h.title}** (${h.source})\n   ${h.snippet}`).join('\n'));
  }
  for (const f of reply.findings ?? []) {
    const lines = [`## [${f.severity}] ${f.title} (${f.code})`, f.detail];
    if (f.evidence.length) lines.push(fenced({ content: f.evidence.join('\n') }));
    if (f.next) lines.push(`→ ${f.next}`);
    const notes = f.refTitles ?? f.refs;
    if (notes.length) lines.push(`📖 ${notes.join(', ')}`);
    out.push(lines.join('\n\n'));
  }
  if (reply.footer) out.push(`---\n${reply.footer}`);
  return out.join('\n\n') + '\n';
}
