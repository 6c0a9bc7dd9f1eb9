import type { Finding } from '../diagnostics/finding.ts';

/**
 * A transport-neutral answer. Handlers build it; the Discord adapter turns it into
 * embeds and components, the console into text, `--json` into JSON.
 * Text in a Reply is already redacted: adapters render, they never filter.
 */
/** A finding as shown: its notes named by their titles (the ids stay in `refs`, for `--json`). */
export interface ReplyFinding extends Omit<Finding, 'code'> {
  /** A diagnostic finding code (`port-mismatch`) or a Dockerfile review code (`DL3009`, `DH001`). */
  code: string;
  refTitles?: string[];
}

export interface Reply {
  title?: string;
  /** Body text, light Markdown (bold, inline code, lists). */
  text?: string;
  tone?: Tone;
  fields?: ReplyField[];
  code?: CodeBlock[];
  /** Knowledge hits, first-class so each transport can show them well. */
  hits?: HitView[];
  /** Diagnostic findings, ranked. */
  findings?: ReplyFinding[];
  attachments?: Attachment[];
  /** Rows of buttons or select menus; each custom id carries its own state. */
  actions?: ActionRow[];
  footer?: string;
  /**
   * Members this message notifies (Discord: `<@id>` before the message, and `allowed_mentions`
   * lets exactly these users be pinged; the terminal prints `@name`). Nobody else is ever pinged.
   */
  mentionUsers?: Array<{ id: string; name: string }>;
  /** Only the caller sees it (Discord ephemeral). */
  ephemeral?: boolean;
  /** For component replies: replace the message that holds the component. */
  replaceOriginal?: boolean;
  /** The machine-readable form printed by `--json` (the CLI contract). */
  data?: unknown;
  /** Set when the command failed: the CLI exits non-zero, `--json` prints `{error}`. */
  error?: { code: string; message: string };
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface CodeBlock {
  language?: string;
  content: string;
  title?: string;
}

export interface Attachment {
  name: string;
  content: string | Uint8Array;
  description?: string;
}

export interface HitView {
  id: string;
  title: string;
  /** Knowledge file the hit comes from, relative to the project (knowledge/...). */
  source: string;
  chapter?: number;
  snippet: string;
  score: number;
}

export interface Button {
  kind: 'button';
  customId: string;
  label: string;
  emoji?: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  disabled?: boolean;
}

export interface SelectMenu {
  kind: 'select';
  customId: string;
  placeholder: string;
  options: Array<{ label: string; value: string; description?: string }>;
}

export type ActionRow = Button[] | [SelectMenu];

export function textReply(text: string, extra: Partial<Reply> = {}): Reply {
  return { text, ...extra };
}
