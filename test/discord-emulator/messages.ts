import type { ActionRow, Embed, MessageBody } from './bodies.ts';
import { MessageFlag } from './protocol.ts';
import { snowflake } from './snowflake.ts';
import type { World } from './world.ts';

export interface UploadedFile {
  /** The multipart field, e.g. files[0]. */
  field: string;
  name: string;
  contentType: string;
  size: number;
  text: string;
}

/** A message the bot created through an interaction, as the emulated Discord holds it. */
export interface StoredMessage {
  id: string;
  interactionId: string;
  content: string;
  embeds: Embed[];
  components: ActionRow[];
  attachments: Array<{
    id: string;
    filename: string;
    size: number;
    description?: string;
    content_type: string;
    text: string;
  }>;
  flags: number;
  /** Set while a deferred response still shows "thinking…". */
  loading: boolean;
  deleted: boolean;
  editedAt?: string;
  createdAt: string;
}

export function newMessage(interactionId: string, flags = 0): StoredMessage {
  return {
    id: snowflake(),
    interactionId,
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    flags,
    loading: false,
    deleted: false,
    createdAt: new Date().toISOString(),
  };
}

/** Applies a message body (create or edit): fields present replace what was there. */
export function applyBody(message: StoredMessage, body: MessageBody, files: UploadedFile[]): void {
  if (body.content !== undefined) message.content = body.content ?? '';
  if (body.embeds !== undefined) message.embeds = body.embeds ?? [];
  if (body.components !== undefined) message.components = body.components ?? [];
  if (body.attachments !== undefined || files.length) {
    const described = body.attachments ?? [];
    message.attachments = files.map((file, index) => {
      const description = described.find((a) => String(a.id) === String(index))?.description;
      return {
        id: snowflake(),
        filename: file.name,
        size: file.size,
        content_type: file.contentType,
        text: file.text,
        ...(description ? { description } : {}),
      };
    });
  }
  if (body.flags !== undefined)
    message.flags = (message.flags & MessageFlag.Ephemeral) | (body.flags & ~MessageFlag.Ephemeral);
}

/** The message as the API returns it (and as a component interaction carries it). */
export function messagePayload(message: StoredMessage, world: World) {
  return {
    id: message.id,
    type: 20,
    channel_id: world.channel.id,
    guild_id: world.guild.id,
    author: world.bot,
    content: message.content,
    timestamp: message.createdAt,
    edited_timestamp: message.editedAt ?? null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    mention_channels: [],
    attachments: message.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      size: a.size,
      content_type: a.content_type,
      url: `https://cdn.discordapp.invalid/attachments/${world.channel.id}/${a.id}/${a.filename}`,
      proxy_url: `https://media.discordapp.invalid/attachments/${world.channel.id}/${a.id}/${a.filename}`,
      ...(a.description ? { description: a.description } : {}),
    })),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    webhook_id: world.applicationId,
    application_id: world.applicationId,
    flags: message.flags | (message.loading ? 128 : 0),
    interaction_metadata: {
      id: message.interactionId,
      type: 2,
      user: world.bot,
      authorizing_integration_owners: { '0': world.guild.id },
    },
  };
}

/** Every custom id on a message's buttons and select menus. */
export function customIds(message: StoredMessage): string[] {
  return message.components.flatMap((row) => row.components.flatMap((c) => (c.custom_id ? [c.custom_id] : [])));
}

/** A message the bot posted straight to a channel (POST /channels/{id}/messages), not through an interaction. */
export interface ChannelMessage extends StoredMessage {
  channelId: string;
  /** `allowed_mentions` as sent: who the message may notify. */
  allowedMentions: unknown;
}

/** A channel message as the API returns it. */
export function channelMessagePayload(message: ChannelMessage, world: World) {
  return {
    id: message.id,
    type: 0,
    channel_id: message.channelId,
    guild_id: world.guild.id,
    author: world.bot,
    content: message.content,
    timestamp: message.createdAt,
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
  };
}
