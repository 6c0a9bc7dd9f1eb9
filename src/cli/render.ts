import type { Finding } from '../diagnostics/finding.ts';
import { translator, type Locale, type Localized, type Translate } from '../core/locale.ts';
import type { ActionRow, HitView, Reply, ReplyFinding } from '../core/reply.ts';
import { escapeJsonControls, terminalSafeDeep } from '../core/terminal-text.ts';
import { isoTimestamps, mapReplyText, terminalTimestamps } from '../core/timestamp.ts';

export interface TextStyle {
  color: boolean;
  locale?: Locale;
  /** For relative times (`<t:…:R>`); default: the moment of rendering. */
  now?: Date;
  /** Zone for times written without one; default: the system's. */
  timeZone?: string;
}

const SEVERITY_LABEL: Record<Finding['severity'], Localized> = {
  error: { ko: '✖ 오류', en: '✖ error' },
  warning: { ko: '▲ 주의', en: '▲ warning' },
  info: { ko: 'ℹ 정보', en: 'ℹ info' },
};

/**
 * A reply as terminal text. Actions are numbered so the console can press them. Container
 * text in it cannot drive the terminal: escape sequences and control characters are removed
 * or shown escaped (src/core/terminal-text.ts) before dockhand adds its own colours.
 */
export function renderText(unsafeReply: Reply, style: TextStyle = { color: false }): string {
  // Moments (`<t:…|zone>`) read as text in their zone, the zone named; mentions as #id / @&id.
  const reply = mapReplyText(terminalSafeDeep(unsafeReply), (text) =>
    terminalTimestamps(text, {
      locale: style.locale ?? 'ko',
      now: style.now ?? new Date(),
      timeZone: style.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
  );
  const bold = (s: string) => (style.color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (style.color ? `\x1b[2m${s}\x1b[22m` : s);
  const md = (s: string) => s.replace(/\*\*(.+?)\*\*/gs, (_m, inner: string) => bold(inner));
  const out: string[] = [];

  // Who Discord would notify: the terminal names them.
  if (reply.mentionUsers?.length) out.push(bold(reply.mentionUsers.map((user) => `@${user.name}`).join(' ')));
  if (reply.title) out.push(bold(`━━ ${reply.title} ━━`));
  if (reply.text) out.push(md(reply.text));
  for (const field of reply.fields ?? []) out.push(`${bold(field.name)}: ${md(field.value)}`);
  for (const block of reply.code ?? []) {
    if (block.title) out.push(bold(block.title));
    out.push(
      block.content
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  // Handlers that have text already summarise their hits in it; a bare hit list is shown as is.
  if (reply.hits?.length && !reply.text) out.push(renderHits(reply.hits, md));
  for (const finding of reply.findings ?? []) out.push(renderFinding(finding, translator(style.locale ?? 'ko'), bold));
  for (const file of reply.attachments ?? []) {
    out.push(bold(`── ${file.name} ──`));
    out.push(typeof file.content === 'string' ? file.content : dim(`(binary, ${file.content.byteLength} bytes)`));
  }
  const actions = numberedActions(reply.actions ?? []);
  if (actions.length) out.push(dim(actions.map((a) => `[${a.number}] ${a.label}`).join('  ')));
  if (reply.footer) out.push(dim(reply.footer));
  return out.filter((s) => s !== '').join('\n\n');
}

function renderHits(hits: HitView[], md: (s: string) => string): string {
  return hits.map((h, i) => `${i + 1}. ${h.title}  (${h.score})\n   ${md(h.snippet)}\n   ${h.source}`).join('\n');
}

function renderFinding(f: ReplyFinding, t: Translate, bold: (s: string) => string): string {
  const lines = [`${t(SEVERITY_LABEL[f.severity])} ${bold(f.title)}  [${f.code}]`, `  ${f.detail}`];
  for (const e of f.evidence) lines.push(`  · ${e}`);
  if (f.next) lines.push(`  → ${terminalBlocks(f.next, '    ')}`);
  const notes = f.refTitles ?? f.refs;
  if (notes.length) lines.push(`  📖 ${notes.join(', ')}`);
  return lines.join('\n');
}

/** Multi-line text under a bullet: later lines indented, Markdown code fences shown as indented code. */
function terminalBlocks(text: string, indent: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('```'))
    .join(`\n${indent}`);
}

export interface NumberedAction {
  number: number;
  label: string;
  customId: string;
  /** For select menus: the value this number chooses. */
  value?: string;
}

/** Buttons and select options, numbered from 1 in reading order. */
export function numberedActions(rows: ActionRow[]): NumberedAction[] {
  const list: NumberedAction[] = [];
  for (const row of rows) {
    for (const item of row) {
      if (item.kind === 'button') {
        list.push({
          number: list.length + 1,
          label: `${item.emoji ? item.emoji + ' ' : ''}${item.label}`,
          customId: item.customId,
        });
      } else {
        for (const option of item.options) {
          list.push({ number: list.length + 1, label: option.label, customId: item.customId, value: option.value });
        }
      }
    }
  }
  return list;
}

/** `--json`: the command's machine-readable data, or `{error}`; terminal controls escaped as \uXXXX. */
export function renderJson(reply: Reply): string {
  if (reply.error) return escapeJsonControls(JSON.stringify({ error: reply.error }));
  if (reply.data !== undefined) {
    return escapeJsonControls(
      JSON.stringify(reply.data, (_key, value: unknown) => (typeof value === 'string' ? isoTimestamps(value) : value)),
    );
  }
  return escapeJsonControls(
    JSON.stringify(reply, (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
    ),
  );
}
