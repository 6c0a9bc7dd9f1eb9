import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
} from 'discord.js';
import type { Locale } from '../core/locale.ts';
import type { Reply } from '../core/reply.ts';
import { renderReply, type RenderedMessage } from './render/reply-message.ts';

type Answerable = ChatInputCommandInteraction | MessageComponentInteraction;

/**
 * Answers one interaction with a Reply, whatever happened before: answered at once, deferred
 * (a "thinking…" reply for commands, a silent acknowledgement for buttons), or deferred in
 * public when the answer turned out private.
 */
export class Responder {
  private deferral: Promise<unknown> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly interaction: Answerable,
    private readonly locale: Locale,
  ) {}

  /** Acknowledges now; the answer follows by editing. Safe to call twice. */
  defer(): Promise<unknown> {
    this.cancelTimer();
    this.deferral ??= this.interaction.isMessageComponent()
      ? this.interaction.deferUpdate()
      : this.interaction.deferReply();
    return this.deferral;
  }

  /** Defers only if the answer is not ready within `ms` (Discord wants a response within 3 s). */
  deferAfter(ms: number, onError: (error: unknown) => void): void {
    this.cancelTimer();
    this.timer = setTimeout(() => void this.defer().catch(onError), ms);
  }

  async send(reply: Reply): Promise<void> {
    this.cancelTimer();
    if (this.deferral) await this.deferral;
    const message = renderReply(reply, this.locale);
    const interaction = this.interaction;

    if (interaction.isMessageComponent() && reply.replaceOriginal) {
      if (interaction.deferred || interaction.replied) await interaction.editReply(edit(message));
      else await interaction.update(edit(message));
      return;
    }
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(create(message));
      return;
    }
    if (interaction.isMessageComponent()) {
      // deferUpdate left the original message alone: the answer is a new message.
      await interaction.followUp(create(message));
      return;
    }
    if ((message.ephemeral && !interaction.ephemeral) || notifies(message)) {
      // A public "thinking…" cannot turn private, and an edit notifies no one (Discord pings only
      // on a new message): replace it with a follow-up.
      await interaction.deleteReply();
      await interaction.followUp(create(message));
      return;
    }
    await interaction.editReply(edit(message));
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** A public message that may ping someone (`mentionUsers`). */
function notifies(message: RenderedMessage): boolean {
  return !message.ephemeral && (message.allowedMentions.users?.length ?? 0) > 0;
}

function files(message: RenderedMessage) {
  return message.files.map((f) => ({
    attachment: f.data,
    name: f.name,
    ...(f.description ? { description: f.description } : {}),
  }));
}

/** A new message: reply or follow-up. */
function create(message: RenderedMessage): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    files: files(message),
    allowedMentions: message.allowedMentions,
    ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** An edit replaces everything the message showed before: content, embeds, components and files. */
function edit(message: RenderedMessage): InteractionEditReplyOptions {
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components,
    files: files(message),
    attachments: [],
    allowedMentions: message.allowedMentions,
  };
}
