import type { APIEmbed, APIEmbedField } from 'discord.js';
import { translator, type Locale, type Translate } from '../../core/locale.ts';
import type { HitView, Reply, ReplyField, Tone } from '../../core/reply.ts';
import { discordTimestamps, mapReplyText, terminalTimestamps } from '../../core/timestamp.ts';
import { fit, LIMITS } from '../limits.ts';
import { codeFileName, fenced } from './code.ts';
import { renderActions, type MessageRow } from './components.ts';
import { findingEmbed } from './findings.ts';
import { fullText } from './full-text.ts';

export interface RenderedFile {
  name: string;
  data: Buffer;
  description?: string;
}

/** A Discord message built from a Reply, already within every limit. */
export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: MessageRow[];
  files: RenderedFile[];
  ephemeral: boolean;
  /**
   * Parses nothing: no reply ever pings @everyone, a role or a user, except the users a reply
   * names in `mentionUsers`, listed here one by one.
   */
  allowedMentions: { parse: []; users?: string[] };
}

export const FULL_TEXT_FILE = 'reply.md';

const TONE_COLOR: Record<Tone, number> = { info: 0x5865f2, success: 0x57f287, warning: 0xfee75c, error: 0xed4245 };
const TONE_ICON: Partial<Record<Tone, string>> = { warning: '⚠️', error: '❌' };
// Room kept in the description and the 6000 total for the "see the attachment" line.
const NOTE_RESERVE = 120;
const HIT_SNIPPET = 300;

export function renderReply(original: Reply, locale: Locale): RenderedMessage {
  const t = translator(locale);
  // Moments (`<t:…|zone>`) become Discord timestamps: each member sees their own time. In code
  // blocks and evidence, where Discord shows markup as typed, they read as the zone's time.
  const reply = mapReplyText(original, discordTimestamps, (text) =>
    terminalTimestamps(text, { locale, now: new Date(), timeZone: 'UTC' }),
  );
  const ephemeral = Boolean(reply.ephemeral || reply.error);
  const mentioned = mentionIds(reply);
  const mentions = mentioned.map((id) => `<@${id}>`).join(' ');
  const base = {
    components: renderActions(reply.actions ?? []),
    ephemeral,
    allowedMentions: mentioned.length ? { parse: [] as [], users: mentioned } : { parse: [] as [] },
  };
  const files: RenderedFile[] = (reply.attachments ?? []).map((a) => ({
    name: a.name,
    data: typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : Buffer.from(a.content),
    ...(a.description ? { description: a.description } : {}),
  }));

  if (isPlainText(reply, mentions ? mentions.length + 1 : 0)) {
    return { ...base, content: [mentions, reply.text].filter(Boolean).join('\n'), embeds: [], files };
  }

  const taken = new Set(files.map((f) => f.name));
  let overflow = false;

  // Code blocks stay inline when text and code fit the description; otherwise each becomes a file.
  const code = reply.code ?? [];
  const inlineBody = [reply.text ?? '', ...code.map(fenced)].filter(Boolean).join('\n\n');
  let body: string;
  if (inlineBody.length <= LIMITS.embedDescription - NOTE_RESERVE) {
    body = inlineBody;
  } else {
    const names = code.map((block) => {
      const name = codeFileName(block, taken);
      files.push({
        name,
        data: Buffer.from(block.content, 'utf8'),
        ...(block.title ? { description: block.title } : {}),
      });
      return name;
    });
    const refs = names.map((name) => `📎 \`${name}\``).join('\n');
    const text = reply.text ?? '';
    const room = LIMITS.embedDescription - NOTE_RESERVE - (refs ? refs.length + 2 : 0);
    if (text.length > room) overflow = true;
    body = [clipAtLine(text, room), refs].filter(Boolean).join('\n\n');
  }

  const sourceFields: ReplyField[] = [...(reply.fields ?? []), ...(reply.text ? [] : hitFields(reply.hits ?? [], t))];
  const fields: APIEmbedField[] = sourceFields.map((field) => {
    if (field.name.length > LIMITS.fieldName || field.value.length > LIMITS.fieldValue) overflow = true;
    return {
      name: fit(field.name || '\u200b', LIMITS.fieldName),
      value: fit(field.value || '\u200b', LIMITS.fieldValue),
      ...(field.inline ? { inline: true } : {}),
    };
  });
  if (fields.length > LIMITS.fields) {
    fields.length = LIMITS.fields;
    overflow = true;
  }

  const title = reply.title
    ? `${TONE_ICON[reply.tone ?? 'info'] ? `${TONE_ICON[reply.tone ?? 'info']} ` : ''}${reply.title}`
    : undefined;
  if (title && title.length > LIMITS.embedTitle) overflow = true;
  const main: APIEmbed = {
    ...(title ? { title: fit(title, LIMITS.embedTitle) } : {}),
    ...(body ? { description: body } : {}),
    color: TONE_COLOR[reply.tone ?? (reply.error ? 'error' : 'info')],
    ...(fields.length ? { fields } : {}),
    ...(reply.footer ? { footer: { text: fit(reply.footer, LIMITS.footer) } } : {}),
  };

  // Fields, then findings, give way until the message fits Discord's 6000-character total.
  const budget = LIMITS.embedTotal - NOTE_RESERVE;
  while (fields.length > 0 && embedSize(main) > budget) {
    fields.pop();
    overflow = true;
  }
  if (embedSize(main) > budget) {
    overflow = true;
    if (main.footer)
      main.footer.text = fit(main.footer.text, Math.max(1, main.footer.text.length - (embedSize(main) - budget)));
    if (main.description && embedSize(main) > budget) {
      main.description = clipAtLine(
        main.description,
        Math.max(1, main.description.length - (embedSize(main) - budget)),
      );
    }
  }
  const embeds = [main];
  let used = embedSize(main);
  for (const finding of reply.findings ?? []) {
    const embed = findingEmbed(finding, t);
    const size = embedSize(embed);
    if (embeds.length >= LIMITS.embedsPerMessage || used + size > budget) {
      overflow = true;
      continue;
    }
    embeds.push(embed);
    used += size;
  }

  if (overflow) {
    const name = uniqueName(FULL_TEXT_FILE, taken);
    files.push({ name, data: Buffer.from(fullText(reply), 'utf8') });
    const note = t({
      ko: `📎 전체 내용은 첨부 파일 \`${name}\`에 있어요.`,
      en: `📎 The full answer is in \`${name}\`.`,
    });
    main.description = fit(main.description ? `${main.description}\n\n${note}` : note, LIMITS.embedDescription);
  }
  return {
    ...base,
    ...(mentions ? { content: mentions } : {}),
    embeds,
    files: files.slice(0, LIMITS.filesPerMessage),
  };
}

/** The users a reply may ping: Discord user ids only (a console caller's id is not one), once each. */
function mentionIds(reply: Reply): string[] {
  const ids = (reply.mentionUsers ?? []).map((user) => user.id).filter((id) => /^\d{17,20}$/.test(id));
  return [...new Set(ids)];
}

/** A short answer with nothing but text is sent as a plain message, not an embed. */
function isPlainText(reply: Reply, reserved = 0): reply is Reply & { text: string } {
  return (
    !!reply.text &&
    reply.text.length + reserved <= LIMITS.content &&
    !reply.title &&
    !reply.fields?.length &&
    !reply.code?.length &&
    !reply.findings?.length &&
    !reply.hits?.length &&
    !reply.footer &&
    !reply.error &&
    (reply.tone === undefined || reply.tone === 'info' || reply.tone === 'success')
  );
}

function hitFields(hits: HitView[], t: Translate): ReplyField[] {
  return hits.map((hit, i) => {
    const chapter =
      hit.chapter === undefined ? '' : ` · ${t({ ko: `${hit.chapter}장`, en: `chapter ${hit.chapter}` })}`;
    return {
      name: `${i + 1}. ${hit.title}`,
      value: `${fit(hit.snippet, HIT_SNIPPET)}\n📄 \`${hit.source}\`${chapter}`,
    };
  });
}

/** Cuts long text at a line break when one is near, so Markdown (lists, code) is not cut mid-line. */
function clipAtLine(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max - 2);
  return cut > max * 0.6 ? text.slice(0, cut) + '\n…' : fit(text, max);
}

function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = name.replace(/(\.\w+)?$/, `-${n}$1`);
  taken.add(candidate);
  return candidate;
}
