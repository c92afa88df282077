import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
} from 'discord.js';

/** One dispatch (op 0): the event name and its data, typed by the caller from discord-api-types. */
export interface DispatchEvent {
  t: GatewayDispatchEvents;
  d: unknown;
}

interface SentDispatch extends DispatchEvent {
  op: GatewayOpcodes.Dispatch;
  s: number;
}

/** The gateway path on the local server; /gateway/bot hands out `ws://host:port/gateway`. */
export const GATEWAY_PATH = '/gateway';

/** Discord's usual heartbeat interval; the client picks a random first beat within it. */
const HEARTBEAT_INTERVAL_MS = 41_250;
/** Events kept per session so a RESUME can replay what the client missed. */
const REPLAY_BUFFER = 1_000;

interface Session {
  id: string;
  intents: number;
  sequence: number;
  sent: SentDispatch[];
  socket: WebSocket | null;
}

/** What the gateway needs from the world when a bot identifies. */
export interface GatewayHooks {
  /** READY `d` (without session fields) and the GUILD_CREATE `d` for each guild. */
  readyPayload(): { ready: object; guilds: object[] };
  onIdentify?(token: string): void;
}

/**
 * The websocket half of the local Discord: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats,
 * RESUME with replay, and dispatches to every identified session (one per connected bot).
 */
export class Gateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readyWaiters: (() => void)[] = [];

  constructor(server: Server, private readonly publicWsUrl: () => string, private readonly hooks: GatewayHooks) {
    this.wss = new WebSocketServer({ server, path: GATEWAY_PATH });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  /** True once at least one bot has identified and is still connected. */
  get hasBot(): boolean {
    return [...this.sessions.values()].some((s) => s.socket?.readyState === WebSocket.OPEN);
  }

  /** Resolves when a bot is connected and identified. */
  waitForBot(timeoutMs: number): Promise<void> {
    if (this.hasBot) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no bot connected to the local Discord within ${timeoutMs} ms`)), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Sends an event to each identified session whose intents include `intent` (if given).
   * Returns how many sessions got it.
   */
  dispatch(event: DispatchEvent, intent?: GatewayIntentBits): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      this.sendDispatch(session, event);
      if (session.socket?.readyState === WebSocket.OPEN) delivered += 1;
    }
    return delivered;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.sessions.clear();
  }

  private onConnection(socket: WebSocket): void {
    let session: Session | null = null;
    send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS } });
    socket.on('message', (raw: RawData) => {
      let payload: GatewayReceivePayloadLoose;
      try {
        payload = JSON.parse(raw.toString()) as GatewayReceivePayloadLoose;
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          send(socket, { op: GatewayOpcodes.HeartbeatAck });
          break;
        case GatewayOpcodes.Identify: {
          if (session) {
            socket.close(4005, 'Already authenticated.');
            return;
          }
          const d = payload.d as { token?: string; intents?: number };
          this.hooks.onIdentify?.(d.token ?? '');
          session = this.identify(socket, d.intents ?? 0);
          break;
        }
        case GatewayOpcodes.Resume: {
          const d = payload.d as { session_id?: string; seq?: number };
          const known = d.session_id ? this.sessions.get(d.session_id) : undefined;
          if (!known) {
            // Not resumable: the client then identifies afresh.
            send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
            return;
          }
          session = known;
          known.socket = socket;
          for (const event of known.sent) if (event.s > (d.seq ?? 0)) send(socket, event);
          this.sendDispatch(known, { t: GatewayDispatchEvents.Resumed, d: {} });
          this.notifyReady();
          break;
        }
        default:
          // Presence and voice updates, member requests: accepted and ignored.
          break;
      }
    });
    socket.on('close', () => {
      if (session && session.socket === socket) session.socket = null;
    });
  }

  private identify(socket: WebSocket, intents: number): Session {
    const session: Session = { id: randomUUID().replaceAll('-', ''), intents, sequence: 0, sent: [], socket };
    this.sessions.set(session.id, session);
    const { ready, guilds } = this.hooks.readyPayload();
    this.sendDispatch(session, {
      t: GatewayDispatchEvents.Ready,
      d: { ...ready, session_id: session.id, resume_gateway_url: this.publicWsUrl(), shard: [0, 1] },
    });
    // Without GUILD_CREATE discord.js waits 15 s (waitGuildTimeout) before it is ready.
    for (const guild of guilds) {
      this.sendDispatch(session, { t: GatewayDispatchEvents.GuildCreate, d: guild });
    }
    this.notifyReady();
    return session;
  }

  private notifyReady(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private sendDispatch(session: Session, event: DispatchEvent): void {
    session.sequence += 1;
    const payload: SentDispatch = { op: GatewayOpcodes.Dispatch, s: session.sequence, ...event };
    session.sent.push(payload);
    if (session.sent.length > REPLAY_BUFFER) session.sent.shift();
    if (session.socket?.readyState === WebSocket.OPEN) send(session.socket, payload);
  }
}

/** What a client sends; only `op` is trusted before looking inside `d`. */
type GatewayReceivePayloadLoose = { op: GatewayOpcodes; d?: unknown };

function send(socket: WebSocket, payload: { op: GatewayOpcodes; d?: unknown; s?: number; t?: string }): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
}
