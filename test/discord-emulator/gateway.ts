import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { GatewayFrame, Identify, Resume } from './bodies.ts';
import { CloseCode, Op, PRIVILEGED_INTENTS } from './protocol.ts';
import { guildCreatePayload, type World } from './world.ts';

interface Session {
  id: string;
  socket: WebSocket | undefined;
  seq: number;
  /** Every dispatch of the session, replayed on RESUME. */
  events: Array<{ s: number; t: string; d: unknown }>;
}

export interface IdentifyRecord {
  intents: number;
  shard: [number, number] | undefined;
  properties: Record<string, string>;
  compress: boolean;
}

export interface GatewayOptions {
  token: string;
  world: World;
  heartbeatIntervalMs: number;
  /** ws:// base of this emulator (known once the HTTP server listens). */
  baseUrl: () => string;
}

/**
 * The WebSocket gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACKs, RESUME with
 * replay, RECONNECT on request, and dispatches. Plain JSON frames (no zlib-stream), which is
 * what discord.js asks for when zlib-sync is not installed.
 */
export class Gateway extends EventEmitter {
  readonly identifies: IdentifyRecord[] = [];
  readonly connections: Array<{ path: string; query: string }> = [];
  readonly closes: number[] = [];
  heartbeats = 0;
  resumes = 0;
  private session: Session | undefined;
  private readonly server = new WebSocketServer({ noServer: true });

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  get url(): string {
    return `${this.options.baseUrl()}/gateway`;
  }

  get connected(): boolean {
    return this.session?.socket?.readyState === 1;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'ws://localhost');
    if (url.pathname !== '/gateway' && url.pathname !== '/gateway/resume') {
      socket.destroy();
      return;
    }
    this.connections.push({ path: url.pathname, query: url.search });
    this.server.handleUpgrade(request, socket, head, (ws) => {
      this.accept(ws);
    });
  }

  /** Sends an event to the bot (buffered for RESUME while it is disconnected). */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error('gateway: no session (the bot has not identified)');
    const event = { s: ++session.seq, t, d };
    session.events.push(event);
    session.socket?.send(JSON.stringify({ op: Op.Dispatch, ...event }));
  }

  /** Asks the bot to reconnect and resume, as Discord does before moving a session. */
  requestReconnect(): void {
    this.session?.socket?.send(JSON.stringify({ op: Op.Reconnect, d: null }));
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }

  private accept(ws: WebSocket): void {
    ws.on('close', (code) => {
      this.closes.push(code);
      if (this.session?.socket === ws) this.session.socket = undefined;
      this.emit('close', code);
    });
    ws.on('message', (raw) => {
      this.receive(ws, text(raw));
    });
    ws.send(
      JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }),
    );
  }

  private receive(ws: WebSocket, raw: string): void {
    let frame: GatewayFrame;
    try {
      frame = GatewayFrame.parse(JSON.parse(raw));
    } catch {
      ws.close(4002, 'Decode error');
      return;
    }
    switch (frame.op) {
      case Op.Heartbeat:
        this.heartbeats++;
        ws.send(JSON.stringify({ op: Op.HeartbeatAck, d: null }));
        this.emit('heartbeat');
        return;
      case Op.Identify:
        this.identify(ws, frame.d);
        return;
      case Op.Resume:
        this.resume(ws, frame.d);
        return;
      case Op.PresenceUpdate:
        return;
      default:
        ws.close(4001, 'Unknown opcode');
    }
  }

  private identify(ws: WebSocket, raw: unknown): void {
    const parsed = Identify.safeParse(raw);
    if (!parsed.success || parsed.data.token !== this.options.token) {
      ws.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const d = parsed.data;
    const intents = d.intents;
    this.identifies.push({ intents, shard: d.shard, properties: d.properties, compress: d.compress === true });
    if (intents & PRIVILEGED_INTENTS) {
      ws.close(CloseCode.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const { world } = this.options;
    this.session = { id: randomUUID().replaceAll('-', ''), socket: ws, seq: 0, events: [] };
    this.dispatch('READY', {
      v: 10,
      user: { ...world.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: world.guild.id, unavailable: true }],
      session_id: this.session.id,
      session_type: 'normal',
      resume_gateway_url: `${this.options.baseUrl()}/gateway/resume`,
      shard: d.shard ?? [0, 1],
      application: { id: world.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['seoul'],
      user_settings: {},
      auth: {},
    });
    this.dispatch('GUILD_CREATE', guildCreatePayload(world));
    this.emit('ready');
  }

  private resume(ws: WebSocket, raw: unknown): void {
    const session = this.session;
    const parsed = Resume.safeParse(raw);
    const d = parsed.success ? parsed.data : undefined;
    if (!session || d?.token !== this.options.token || d.session_id !== session.id) {
      ws.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
      return;
    }
    session.socket = ws;
    this.resumes++;
    for (const event of session.events.filter((e) => e.s > (d.seq ?? 0))) {
      ws.send(JSON.stringify({ op: Op.Dispatch, ...event }));
    }
    this.dispatch('RESUMED', {});
    this.emit('resumed');
  }
}

/** A WebSocket message as text, whichever form ws delivered it in. */
function text(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}
