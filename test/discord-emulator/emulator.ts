import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { group } from '../../src/core/text.ts';
import { CallbackBody, CommandsBody, MessageBody } from './bodies.ts';
import { Gateway } from './gateway.ts';
import {
  EmulatedInteraction,
  commandPayload,
  componentPayload,
  describePayload,
  now,
  type AttachmentInput,
  type CommandInput,
  type InteractionPayload,
  type RegisteredCommand,
  type ResolvedAttachment,
} from './interactions.ts';
import {
  applyBody,
  channelMessagePayload,
  customIds,
  messagePayload,
  newMessage,
  type ChannelMessage,
  type StoredMessage,
  type UploadedFile,
} from './messages.ts';
import { CallbackType, ErrorCode, InteractionType, MessageFlag } from './protocol.ts';
import type { RecordedCall } from './recorder.ts';
import { snowflake } from './snowflake.ts';
import { choiceProblems, messageProblems, registrationProblems } from './validate.ts';
import { createWorld, type World } from './world.ts';

export { callbackOf, messageOf, type RecordedCall } from './recorder.ts';
export type { ChannelMessage, StoredMessage } from './messages.ts';
export { EmulatedInteraction } from './interactions.ts';

export interface EmulatorOptions {
  token: string;
  applicationId?: string;
  heartbeatIntervalMs?: number;
  /** Discord's 3-second rule for the first response. */
  acknowledgeWithinMs?: number;
  tokenLifetimeMs?: number;
}

export interface InteractOptions {
  /** A key of world.members; default minji. */
  as?: string;
  /** Discord locale of the member's client; default ko. */
  locale?: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(message);
  }
}

const API_PREFIX = /^\/api\/v10(?=\/)/;

/**
 * A local Discord: REST under /api/v10 and the WebSocket gateway, on 127.0.0.1 with an ephemeral
 * port. It speaks the real protocol (discord.js connects to it unchanged), enforces the rules a
 * bot can break (3-second acknowledgement, one callback per interaction, message limits, auth),
 * and records every REST call for assertions.
 */
export class DiscordEmulator extends EventEmitter {
  readonly world: World;
  readonly calls: RecordedCall[] = [];
  readonly gateway: Gateway;
  /** Commands registered through PUT, per scope ('global' or a guild id). */
  readonly registered = new Map<string, RegisteredCommand[]>();
  readonly interactions = new Map<string, EmulatedInteraction>();
  /** Files members attached, served at /ephemeral-attachments/… as Discord's CDN serves them. */
  readonly uploads = new Map<string, { content: Buffer; contentType: string }>();
  /** GETs of attachment URLs (the CDN side), for assertions. */
  readonly downloads: string[] = [];
  /** Messages the bot posted to channels directly (reminders), in order. */
  readonly channelMessages: ChannelMessage[] = [];
  private readonly server: Server;
  private readonly options: Required<EmulatorOptions>;
  private holdCallbacksMs = 0;

  private constructor(options: EmulatorOptions) {
    super();
    this.options = {
      applicationId: snowflake(),
      heartbeatIntervalMs: 41_250,
      acknowledgeWithinMs: 3_000,
      tokenLifetimeMs: 15 * 60_000,
      ...options,
    };
    this.world = createWorld(this.options.applicationId);
    this.gateway = new Gateway({
      token: options.token,
      world: this.world,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs,
      baseUrl: () => `ws://127.0.0.1:${this.port}`,
    });
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      this.gateway.handleUpgrade(req, socket, head);
    });
  }

  static async start(options: EmulatorOptions): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    await new Promise<void>((resolve) => emulator.server.listen(0, '127.0.0.1', resolve));
    return emulator;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_BASE points at. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get applicationId(): string {
    return this.world.applicationId;
  }

  async stop(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  /** Holds the next interaction callbacks this long before answering (a slow network). */
  delayCallbacks(ms: number): void {
    this.holdCallbacksMs = ms;
  }

  // ── driving the bot ────────────────────────────────────────────────────────────

  /** A member runs a slash command (built from the registered command, as Discord does). */
  slash(name: string, input: Omit<CommandInput, 'focused'> = {}, who: InteractOptions = {}): EmulatedInteraction {
    return this.send(commandPayload(this.base(who), this.command(name), input, (file) => this.upload(file)));
  }

  /** Keeps an attached file and resolves it the way Discord does (a CDN URL with its name). */
  private upload(file: AttachmentInput['attachment']): ResolvedAttachment {
    const id = snowflake();
    const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    const contentType = file.contentType ?? 'text/plain; charset=utf-8';
    this.uploads.set(id, { content, contentType });
    const url =
      file.url ??
      `http://127.0.0.1:${this.port}/ephemeral-attachments/${this.applicationId}/${id}/${encodeURIComponent(file.filename)}?ex=0&is=0&hm=0`;
    return {
      id,
      filename: file.filename,
      size: file.size ?? content.length,
      url,
      proxy_url: url,
      content_type: contentType,
      ephemeral: true,
    };
  }

  /** A member types into an autocomplete option. */
  autocomplete(
    name: string,
    focused: string,
    input: Omit<CommandInput, 'focused'> = {},
    who: InteractOptions = {},
  ): EmulatedInteraction {
    return this.send(commandPayload(this.base(who), this.command(name), { ...input, focused }));
  }

  /** A member presses a button on a message the bot sent. */
  click(message: StoredMessage, customId: string, who: InteractOptions = {}): EmulatedInteraction {
    this.checkComponent(message, customId);
    return this.send(componentPayload(this.base(who), message, customId), message);
  }

  /** A member picks options in a select menu on a message the bot sent. */
  choose(message: StoredMessage, customId: string, values: string[], who: InteractOptions = {}): EmulatedInteraction {
    this.checkComponent(message, customId);
    return this.send(componentPayload(this.base(who), message, customId, values), message);
  }

  /** Makes Discord forget the interaction, as when the bot answers too late: its callback gets Unknown interaction. */
  expire(interaction: EmulatedInteraction): void {
    interaction.expired = true;
  }

  /** Resolves with the first recorded call that matches, or rejects after `timeoutMs`. */
  waitForCall(
    match: (call: RecordedCall) => boolean,
    timeoutMs: number,
    what = 'a matching REST call',
  ): Promise<RecordedCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.off('call', onCall);
        reject(
          new Error(`timed out after ${timeoutMs} ms waiting for ${what}; calls so far:\n${this.describeCalls()}`),
        );
      }, timeoutMs);
      this.on('call', onCall);
    });
  }

  /** The interaction's first callback (its response to Discord). */
  response(interaction: EmulatedInteraction, timeoutMs = 5_000): Promise<RecordedCall> {
    return this.waitForCall(
      (c) => c.interactionId === interaction.id && c.path.endsWith('/callback') && c.status < 300,
      timeoutMs,
      `the response to interaction ${interaction.id} (${describePayload(interaction.payload)})`,
    );
  }

  /**
   * The first successful call for the interaction after its callback that matches `method`
   * (e.g. the PATCH of a deferred reply).
   */
  later(interaction: EmulatedInteraction, method: string, timeoutMs = 10_000, pathEnd = ''): Promise<RecordedCall> {
    return this.waitForCall(
      (c) =>
        c.interactionId === interaction.id &&
        c.method === method &&
        !c.path.endsWith('/callback') &&
        c.path.endsWith(pathEnd) &&
        c.status < 300,
      timeoutMs,
      `${method} …${pathEnd} for interaction ${interaction.id} (${describePayload(interaction.payload)})`,
    );
  }

  /** REST calls the emulator did not know (a bot calling an endpoint it should not). */
  unexpectedCalls(): RecordedCall[] {
    return this.calls.filter((c) => c.status === 404 && !c.interactionId);
  }

  describeCalls(): string {
    const shown = this.calls
      .slice(-15)
      .map((c) => `  ${c.method} ${c.path.replace(/aW50ZXJhY3Rpb246[\w-]+/, '<token>')} → ${c.status}`);
    return shown.join('\n') || '  (none)';
  }

  private base(who: InteractOptions) {
    const member = this.world.members[who.as ?? 'minji'];
    if (!member) throw new Error(`no member ${who.as}`);
    return { world: this.world, member, locale: who.locale ?? 'ko' };
  }

  private command(name: string): RegisteredCommand {
    const command = [...this.registered.values()].flat().find((c) => c.name === name);
    if (!command) throw new Error(`/${name} is not registered (run deploy-commands against the emulator first)`);
    return command;
  }

  private checkComponent(message: StoredMessage, customId: string): void {
    if (message.deleted) throw new Error('that message was deleted');
    if (!customIds(message).includes(customId))
      throw new Error(`no component ${customId} on the message (has ${customIds(message).join(', ')})`);
  }

  private send(payload: InteractionPayload, sourceMessage?: StoredMessage): EmulatedInteraction {
    const interaction = new EmulatedInteraction(payload.id, payload.token, payload.type, payload, now(), sourceMessage);
    this.interactions.set(interaction.id, interaction);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return interaction;
  }

  // ── REST ───────────────────────────────────────────────────────────────────────

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = /^\/ephemeral-attachments\/\d+\/(\d+)\//.exec(url.pathname);
    if (file && req.method === 'GET') {
      this.downloads.push(url.pathname);
      const upload = this.uploads.get(file[1] ?? '');
      if (!upload) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': upload.contentType }).end(upload.content);
      return;
    }
    this.emit('request', { method: req.method, path: url.pathname.replace(API_PREFIX, '') });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(API_PREFIX, ''),
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      authorization: req.headers.authorization,
      status: 0,
      at,
    };
    let status = 200;
    let response: unknown;
    try {
      if (!API_PREFIX.test(url.pathname)) throw new HttpError(404, 0, '404: Not Found');
      const parsed = await parseBody(req.headers['content-type'] ?? '', raw);
      call.body = parsed.body;
      call.files = parsed.files;
      if (this.holdCallbacksMs && call.path.endsWith('/callback')) {
        const hold = this.holdCallbacksMs;
        this.holdCallbacksMs = 0;
        await new Promise((resolve) => setTimeout(resolve, hold));
      }
      response = this.route(call);
      if (response === undefined) status = 204;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      response = { message: error.message, code: error.code, ...(error.errors ? { errors: error.errors } : {}) };
    }
    call.status = status;
    this.calls.push(call);
    this.emit('call', call);
    if (status === 204) {
      res.writeHead(204).end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(response));
    }
  }

  private route(call: RecordedCall): unknown {
    const { method, path } = call;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      this.authorize(call);
      return {
        url: this.gateway.url,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      };
    }
    if (method === 'GET' && path === '/gateway') return { url: this.gateway.url };
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      this.authorize(call);
      if (m[1] !== this.applicationId) throw new HttpError(403, 50001, 'Missing Access');
      if (m[2] && m[2] !== this.world.guild.id) throw new HttpError(403, 50001, 'Missing Access');
      const scope = m[2] ?? 'global';
      if (method === 'GET') return this.registered.get(scope) ?? [];
      if (method === 'PUT') return this.register(scope, call.body);
    }
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return this.callback(call, group(m, 1), group(m, 2));
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/))) {
      return this.webhook(call, group(m, 1), group(m, 2), m[3]);
    }
    const channel = method === 'POST' ? /^\/channels\/(\d+)\/messages$/.exec(path)?.[1] : undefined;
    if (channel) return this.channelMessage(call, channel);
    throw new HttpError(404, 0, '404: Not Found');
  }

  private authorize(call: RecordedCall): void {
    if (call.authorization !== `Bot ${this.options.token}`) throw new HttpError(401, 0, '401: Unauthorized');
  }

  private register(scope: string, body: unknown): RegisteredCommand[] {
    const sent = read(CommandsBody, body);
    const problems = sent.flatMap((command, i) => registrationProblems(command, `${i}`));
    if (problems.length) throw new HttpError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', problems);
    const commands = sent.map((command) => ({
      ...command,
      id: snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    this.registered.set(scope, commands);
    return commands;
  }

  private callback(call: RecordedCall, id: string, token: string): unknown {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token)
      throw new HttpError(404, ErrorCode.UnknownInteraction, 'Unknown interaction');
    call.interactionId = id;
    interaction.calls.push(call);
    if (interaction.acknowledged)
      throw new HttpError(400, ErrorCode.AlreadyAcknowledged, 'Interaction has already been acknowledged.');
    if (interaction.expired || call.at - interaction.dispatchedAt > this.options.acknowledgeWithinMs) {
      throw new HttpError(404, ErrorCode.UnknownInteraction, 'Unknown interaction');
    }
    const body = read(CallbackBody, call.body);
    call.callback = body;
    const { type, data } = body;
    const allowed: Record<number, number[]> = {
      [InteractionType.ApplicationCommand]: [
        CallbackType.ChannelMessageWithSource,
        CallbackType.DeferredChannelMessageWithSource,
      ],
      [InteractionType.Autocomplete]: [CallbackType.AutocompleteResult],
      [InteractionType.MessageComponent]: [
        CallbackType.ChannelMessageWithSource,
        CallbackType.DeferredChannelMessageWithSource,
        CallbackType.DeferredUpdateMessage,
        CallbackType.UpdateMessage,
      ],
    };
    if (!allowed[interaction.type]?.includes(type)) {
      throw new HttpError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', {
        type: `callback type ${type} not allowed here`,
      });
    }
    const problems = type === CallbackType.AutocompleteResult ? choiceProblems(data) : messageProblems(data);
    if (problems.length) throw new HttpError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', problems);

    interaction.callbackType = type;
    interaction.acknowledgedAt = call.at;
    const ephemeral = (data.flags ?? 0) & MessageFlag.Ephemeral;
    if (type === CallbackType.ChannelMessageWithSource || type === CallbackType.DeferredChannelMessageWithSource) {
      const message = newMessage(id, ephemeral);
      message.loading = type === CallbackType.DeferredChannelMessageWithSource;
      if (!message.loading) applyBody(message, data, call.files);
      interaction.original = message;
    } else if (type === CallbackType.UpdateMessage || type === CallbackType.DeferredUpdateMessage) {
      interaction.original = interaction.sourceMessage;
      if (type === CallbackType.UpdateMessage && interaction.original) {
        applyBody(interaction.original, data, call.files);
        interaction.original.editedAt = new Date().toISOString();
      }
    }
    return call.query.with_response === 'true' ? { interaction: { id, type: interaction.type } } : undefined;
  }

  /** A message the bot posts in a channel of the guild (it has Send Messages there). */
  private channelMessage(call: RecordedCall, channelId: string): unknown {
    this.authorize(call);
    if (channelId !== this.world.channel.id) throw new HttpError(404, ErrorCode.UnknownChannel, 'Unknown Channel');
    const body = read(MessageBody, call.body ?? {});
    call.message = body;
    const problems = messageProblems(body);
    const mentions = body.allowed_mentions;
    // Discord's rule: a type may be parsed or listed, not both.
    for (const type of ['roles', 'users'] as const) {
      if (mentions?.parse?.includes(type) && mentions[type])
        problems.push(`allowed_mentions: ${type} parsed and listed`);
    }
    if (problems.length) throw new HttpError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', problems);
    const message: ChannelMessage = { ...newMessage(''), channelId, allowedMentions: mentions };
    applyBody(message, body, call.files);
    this.channelMessages.push(message);
    return channelMessagePayload(message, this.world);
  }

  private webhook(call: RecordedCall, applicationId: string, token: string, messageId: string | undefined): unknown {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (!interaction || applicationId !== this.applicationId)
      throw new HttpError(404, ErrorCode.UnknownWebhook, 'Unknown Webhook');
    call.interactionId = interaction.id;
    interaction.calls.push(call);
    if (!interaction.acknowledged) throw new HttpError(404, ErrorCode.UnknownWebhook, 'Unknown Webhook');
    if (call.at - interaction.dispatchedAt > this.options.tokenLifetimeMs)
      throw new HttpError(401, 50027, 'Invalid Webhook Token');

    if (!messageId) {
      if (call.method !== 'POST') throw new HttpError(405, 0, '405: Method Not Allowed');
      const body = read(MessageBody, call.body ?? {});
      call.message = body;
      const problems = messageProblems(body);
      if (problems.length) throw new HttpError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', problems);
      const message = newMessage(interaction.id, (body.flags ?? 0) & MessageFlag.Ephemeral);
      applyBody(message, body, call.files);
      interaction.followups.push(message);
      return messagePayload(message, this.world);
    }
    const message =
      messageId === '@original'
        ? interaction.original
        : [interaction.original, ...interaction.followups].find((m) => m?.id === messageId);
    if (!message || message.deleted) throw new HttpError(404, 10008, 'Unknown Message');
    switch (call.method) {
      case 'GET':
        return messagePayload(message, this.world);
      case 'DELETE':
        message.deleted = true;
        return undefined;
      case 'PATCH': {
        const body = read(MessageBody, call.body ?? {});
        call.message = body;
        const problems = messageProblems(body);
        if (problems.length) throw new HttpError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', problems);
        applyBody(message, body, call.files);
        message.loading = false;
        message.editedAt = new Date().toISOString();
        return messagePayload(message, this.world);
      }
      default:
        throw new HttpError(405, 0, '405: Method Not Allowed');
    }
  }
}

/** JSON, or multipart/form-data with `payload_json` and files (parsed with the platform's own FormData). */
async function parseBody(contentType: string, raw: Buffer): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    // The platform's own multipart parser: deprecated for servers only because it buffers, as we do anyway.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
        continue;
      }
      const bytes = Buffer.from(await value.arrayBuffer());
      files.push({
        field,
        name: value.name,
        contentType: value.type,
        size: bytes.length,
        text: bytes.toString('utf8'),
      });
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text) as unknown, files: [] };
  } catch {
    throw new HttpError(400, 50109, 'The request body contains invalid JSON.');
  }
}

/** A request body read with its schema, or 400 Invalid Form Body listing what is wrong, as Discord answers. */
function read<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new HttpError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', errors);
}
