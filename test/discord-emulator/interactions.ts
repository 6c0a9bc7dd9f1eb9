import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CommandRegistration } from './bodies.ts';
import { ComponentType, InteractionType, OptionType } from './protocol.ts';
import type { RecordedCall } from './recorder.ts';
import { messagePayload, type StoredMessage } from './messages.ts';
import { snowflake } from './snowflake.ts';
import { channelPayload, memberPayload, type MemberSeed, type World } from './world.ts';

/** A command as registered with PUT …/commands (what Discord builds interaction payloads from). */
export type RegisteredCommand = CommandRegistration & {
  id: string;
  application_id: string;
  version: string;
  guild_id?: string;
};

/** One interaction the emulator dispatched, and everything the bot did with its token. */
export class EmulatedInteraction {
  readonly calls: RecordedCall[] = [];
  /** Set by the first callback. */
  callbackType: number | undefined;
  acknowledgedAt: number | undefined;
  /** The response message (or, for components after type 6/7, the message the component is on). */
  original: StoredMessage | undefined;
  readonly followups: StoredMessage[] = [];
  expired = false;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly type: number,
    readonly payload: InteractionPayload,
    readonly dispatchedAt: number,
    /** For component interactions: the message holding the button or select menu. */
    readonly sourceMessage?: StoredMessage,
  ) {}

  get acknowledged(): boolean {
    return this.callbackType !== undefined;
  }
}

export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(96).toString('base64url')}`;
}

interface Base {
  world: World;
  member: MemberSeed;
  locale: string;
}

function basePayload<D>(base: Base, type: number, data: D) {
  const { world } = base;
  return {
    id: snowflake(),
    application_id: world.applicationId,
    type,
    token: interactionToken(),
    version: 1,
    guild_id: world.guild.id,
    guild: { id: world.guild.id, locale: 'ko', features: [] },
    channel_id: world.channel.id,
    channel: channelPayload(world),
    member: memberPayload(base.member),
    locale: base.locale,
    guild_locale: 'ko',
    app_permissions: String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n)),
    entitlements: [],
    authorizing_integration_owners: { '0': world.guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
    data,
  };
}

/** A file a member attaches to an attachment option. */
export interface AttachmentInput {
  attachment: {
    filename: string;
    content: string | Buffer;
    contentType?: string;
    /** Serve it from another URL than the emulator's CDN path (a forged or foreign link). */
    url?: string;
    /** Announce another size than the content's (Discord reports the upload's size). */
    size?: number;
  };
}

/** What Discord puts in `data.resolved.attachments` for an uploaded file. */
export interface ResolvedAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
  ephemeral: boolean;
}

export interface CommandInput {
  subcommand?: string;
  options?: Record<string, string | number | boolean | AttachmentInput>;
  /** Autocomplete: the option being typed. */
  focused?: string;
  /**
   * Send options the registration does not have (a stale client, a hand-made request),
   * inferring their types from the values.
   */
  unchecked?: boolean;
}

/**
 * A chat-input or autocomplete interaction built from the registered command, as Discord builds it.
 * `upload` stores an attached file and returns how Discord resolves it.
 */
export function commandPayload(
  base: Base,
  command: RegisteredCommand,
  input: CommandInput,
  upload?: (file: AttachmentInput['attachment']) => ResolvedAttachment,
) {
  const attachments: Record<string, ResolvedAttachment> = {};
  let schema = command.options ?? [];
  let wrap = (options: unknown[]) => options;
  if (input.subcommand) {
    const sub = schema.find((o) => o.type === OptionType.Subcommand && o.name === input.subcommand);
    if (!sub && !input.unchecked) throw new Error(`/${command.name} has no subcommand ${input.subcommand}`);
    schema = sub?.options ?? [];
    wrap = (options) => [{ name: input.subcommand, type: OptionType.Subcommand, options }];
  }
  const options = Object.entries(input.options ?? {}).map(([name, value]) => {
    const spec = schema.find((o) => o.name === name);
    if (!spec && !input.unchecked) throw new Error(`/${command.name} has no option ${name}`);
    if (typeof value === 'object') {
      if (!upload) throw new Error('attachments need the emulator to store them');
      if (spec && spec.type !== OptionType.Attachment) throw new Error(`/${command.name} ${name} is not an attachment`);
      const resolved = upload(value.attachment);
      attachments[resolved.id] = resolved;
      return { name, type: OptionType.Attachment, value: resolved.id };
    }
    const type = spec?.type ?? inferType(value);
    if (input.focused === name) return { name, type, value: String(value), focused: true };
    return { name, type, value };
  });
  const type = input.focused ? InteractionType.Autocomplete : InteractionType.ApplicationCommand;
  return basePayload(base, type, {
    id: command.id,
    name: command.name,
    type: 1,
    ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    options: wrap(options),
    ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}),
  });
}

/** A button press or select-menu choice on a message the bot sent. */
export function componentPayload(base: Base, message: StoredMessage, customId: string, values?: string[]) {
  const payload = basePayload(
    base,
    InteractionType.MessageComponent,
    values
      ? { custom_id: customId, component_type: ComponentType.StringSelect, values }
      : { custom_id: customId, component_type: ComponentType.Button },
  );
  return { ...payload, message: messagePayload(message, base.world) };
}

function inferType(value: unknown): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

export const now = (): number => performance.now();

/** What the emulator dispatches as INTERACTION_CREATE. */
export type InteractionPayload = ReturnType<typeof commandPayload> | ReturnType<typeof componentPayload>;

/** For messages: `/ask [{"name":"query",…}]` or `component ask:vote:1:up`. */
export function describePayload(payload: InteractionPayload): string {
  const { data } = payload;
  return 'custom_id' in data ? `component ${data.custom_id}` : `/${data.name} ${JSON.stringify(data.options)}`;
}
