import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents, GatewayIntentBits, PermissionFlagsBits, type APIApplicationCommand, type APIUser } from 'discord.js';
import { bridgeWorldToGateway } from './dispatches.js';
import { Gateway } from './gateway.js';
import { BOT_PERMISSIONS, buildGuildCreate, buildMember, buildReady, EVERYONE_PERMISSIONS, makeRole, makeUser } from './guild.js';
import { InteractionSimulator, type ClickButtonOptions, type InteractionHandle, type SendCommandOptions } from './interactions.js';
import type { SandboxLimits } from './limits.js';
import { RateLimiter } from './ratelimit.js';
import { handleRest, sendJson, type Route } from './router.js';
import { appRoutes } from './routes-app.js';
import { channelRoutes } from './routes-channels.js';
import { interactionRoutes } from './routes-interactions.js';
import { SnowflakeGenerator } from './snowflake.js';
import {
  World,
  type RecordedInteraction,
  type RecordedMessage,
  type RecordedThread,
  type SandboxUser,
  type Violation,
  type WorldEvents,
} from './state.js';

export interface LocalDiscordOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Overrides of Discord's limits, e.g. `{ ackDeadlineMs: 200 }` to test a late ack quickly. */
  limits?: Partial<SandboxLimits>;
  /** The guild's preferred locale (guild_locale of interactions); default 'en-US'. */
  preferredLocale?: string;
  botName?: string;
  guildName?: string;
  channelName?: string;
  /** If set, REST calls must carry exactly `Bot <botToken>`; otherwise any bot token is accepted. */
  botToken?: string;
}

export interface CreateUserOptions {
  username: string;
  /** Extra guild permissions, given to the user through a role of their own (e.g. ['ManageGuild']). */
  permissions?: bigint | (keyof typeof PermissionFlagsBits)[];
  /** The user's client language, used for their interactions unless a call overrides it. */
  locale?: string;
}

const API_PREFIX = '/api/v10';
const ATTACHMENT_PREFIX = '/attachments/';

/**
 * A Discord of the project's own on loopback: REST under /api/v10 and a gateway, enough for the
 * real discord.js client, plus the means to act as users and to inspect everything that happened.
 */
export class LocalDiscord {
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guildId: string;
  readonly channelId: string;
  /** Give this to discord.js: `new Client({ intents, rest: { api: discord.apiUrl } })`. */
  readonly apiUrl: string;

  private readonly rateLimiter: RateLimiter;
  private readonly simulator: InteractionSimulator;
  private readonly unbridge: () => void;
  private closed = false;

  private constructor(
    readonly world: World,
    private readonly server: Server,
    private readonly gateway: Gateway,
    rateLimiter: RateLimiter,
  ) {
    this.applicationId = world.setup.applicationId;
    this.botUser = world.setup.botUser;
    this.guildId = world.setup.guildId;
    this.channelId = world.setup.channelId;
    this.apiUrl = `${world.publicUrl}/api`;
    this.rateLimiter = rateLimiter;
    this.simulator = new InteractionSimulator(world, gateway);
    this.unbridge = bridgeWorldToGateway(world, gateway);
  }

  /** Use `startLocalDiscord()`. */
  static async start(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
    const ids = new SnowflakeGenerator();
    const applicationId = ids.next();
    const guildId = ids.next();
    const world = new World(
      {
        applicationId,
        // A bot user's id equals its application's id on Discord.
        botUser: makeUser(applicationId, options.botName ?? 'backprop-bot', true),
        guildId,
        guildName: options.guildName ?? 'Backprop Sandbox',
        channelId: ids.next(),
        channelName: options.channelName ?? 'general',
        // @everyone's role id is the guild id.
        everyoneRole: makeRole(guildId, '@everyone', EVERYONE_PERMISSIONS, 0),
        botRole: makeRole(ids.next(), options.botName ?? 'backprop-bot', BOT_PERMISSIONS, 1, true),
        preferredLocale: options.preferredLocale ?? 'en-US',
      },
      options.limits,
    );
    const rateLimiter = new RateLimiter(world.limits);
    const routes: Route[] = [...appRoutes(), ...channelRoutes(), ...interactionRoutes()];

    const server = createServer((req, res) => {
      void serveHttp(req, res, world, { world, rateLimiter, routes, botToken: options.botToken });
    });
    const gateway = new Gateway(server, () => `${world.publicUrl.replace(/^http/, 'ws')}/gateway`, {
      readyPayload: () => ({ ready: buildReady(world), guilds: [buildGuildCreate(world)] }),
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    world.publicUrl = `http://${host}:${port}`;
    return new LocalDiscord(world, server, gateway, rateLimiter);
  }

  get limits(): SandboxLimits {
    return this.world.limits;
  }

  /** Adds a member to the guild. Extra permissions come with a role of the user's own. */
  createUser(options: CreateUserOptions): SandboxUser {
    const { world } = this;
    const id = world.ids.next();
    const extra =
      typeof options.permissions === 'bigint'
        ? options.permissions
        : (options.permissions ?? []).reduce((bits, name) => bits | PermissionFlagsBits[name], 0n);
    const roleIds: string[] = [];
    if (extra !== 0n) {
      const role = makeRole(world.ids.next(), `${options.username}-role`, extra, world.roles.size);
      world.roles.set(role.id, role);
      roleIds.push(role.id);
      this.gateway.dispatch({ t: GatewayDispatchEvents.GuildRoleCreate, d: { guild_id: this.guildId, role } }, GatewayIntentBits.Guilds);
    }
    const member: SandboxUser = {
      user: makeUser(id, options.username),
      roleIds,
      permissions: BigInt(world.setup.everyoneRole.permissions) | extra,
      ...(options.locale ? { locale: options.locale } : {}),
    };
    world.users.set(id, member);
    this.gateway.dispatch(
      { t: GatewayDispatchEvents.GuildMemberAdd, d: { ...buildMember(member), guild_id: this.guildId } },
      GatewayIntentBits.GuildMembers,
    );
    return member;
  }

  /** A user runs a slash command: INTERACTION_CREATE (type 2) goes to the bot; the 3-second clock starts. */
  sendCommand(options: SendCommandOptions): InteractionHandle {
    return this.simulator.sendCommand(options);
  }

  /** A user clicks a button of a message: INTERACTION_CREATE (type 3, component_type 2). */
  clickButton(options: ClickButtonOptions): InteractionHandle {
    return this.simulator.clickButton(options);
  }

  /** Resolves when a bot has identified on the gateway. */
  waitForBot(timeoutMs = 5_000): Promise<void> {
    return this.gateway.waitForBot(timeoutMs);
  }

  /** Ends every interaction token now, as if 15 minutes had passed. */
  expireTokens(): void {
    for (const interaction of this.world.interactions.values()) interaction.tokenExpired = true;
  }

  /** Makes the next `times` REST requests (matching `routeIncludes`, e.g. 'PATCH /webhooks') answer 429; not a violation. */
  injectRateLimit(options: { times?: number; retryAfterMs?: number; routeIncludes?: string } = {}): void {
    this.rateLimiter.inject(options);
  }

  // --- the recorded world ---------------------------------------------------------------

  /** Every message, in creation order (deleted ones included, marked `deleted`). */
  get messages(): RecordedMessage[] {
    return [...this.world.messages.values()];
  }

  /** Live messages of a channel or thread, oldest first. */
  messagesIn(channelId: string = this.channelId): RecordedMessage[] {
    return this.world.messagesIn(channelId);
  }

  message(id: string): RecordedMessage | undefined {
    return this.world.messages.get(id);
  }

  get threads(): RecordedThread[] {
    return [...this.world.threads.values()];
  }

  get interactions(): RecordedInteraction[] {
    return [...this.world.interactions.values()];
  }

  get violations(): Violation[] {
    return this.world.violations;
  }

  get globalCommands(): APIApplicationCommand[] {
    return this.world.globalCommands;
  }

  guildCommands(guildId: string = this.guildId): APIApplicationCommand[] {
    return this.world.guildCommands.get(guildId) ?? [];
  }

  /** Events: message, messageUpdate, messageDelete, thread, interaction, interactionResponse, commands, violation, change. */
  on<K extends keyof WorldEvents>(event: K, listener: (...args: WorldEvents[K]) => void): this {
    // @types/node types the listener as a conditional type TypeScript cannot resolve for a generic K;
    // the signature above is the contract, so the cast is safe.
    this.world.on(event, listener as never);
    return this;
  }

  off<K extends keyof WorldEvents>(event: K, listener: (...args: WorldEvents[K]) => void): this {
    this.world.off(event, listener as never);
    return this;
  }

  /**
   * Resolves with the first truthy value of `probe`, checked now, after every change in the world
   * and every 25 ms (so probes of the test's own variables work too); rejects after `timeoutMs`.
   * E.g. `await discord.waitFor(() => discord.threads[0])`.
   */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5_000): Promise<T> {
    const first = probe();
    if (first) return Promise.resolve(first);
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (!value) return;
        cleanup();
        resolve(value);
      };
      const poll = setInterval(check, 25);
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`waitFor: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearInterval(poll);
        clearTimeout(timer);
        this.world.off('change', check);
      };
      this.world.on('change', check);
    });
  }

  /** Stops the server and the gateway; connected clients are cut off. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.simulator.dispose();
    this.unbridge();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.world.removeAllListeners();
  }
}

export function startLocalDiscord(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
  return LocalDiscord.start(options);
}

async function serveHttp(req: IncomingMessage, res: ServerResponse, world: World, router: Parameters<typeof handleRest>[4]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  try {
    if (url.pathname.startsWith(`${API_PREFIX}/`)) {
      await handleRest(req, res, url.pathname.slice(API_PREFIX.length), url.search, router);
    } else if (req.method === 'GET' && url.pathname.startsWith(ATTACHMENT_PREFIX)) {
      serveAttachment(res, world, url.pathname);
    } else {
      world.recordViolation({ kind: 'unknown-route', message: 'request outside /api/v10', route: `${req.method} ${url.pathname}`, status: 404 });
      sendJson(res, 404, { message: '404: Not Found', code: 0 });
    }
  } catch (error) {
    console.error('[local-discord] request failed', error);
    if (!res.headersSent) sendJson(res, 500, { message: '500: Internal Server Error', code: 0 });
    else res.end();
  }
}

/** /attachments/{channel}/{attachment}/{filename}, like Discord's CDN. */
function serveAttachment(res: ServerResponse, world: World, pathname: string): void {
  const [, attachmentId] = pathname.slice(ATTACHMENT_PREFIX.length).split('/');
  const attachment = world.attachments.get(attachmentId ?? '');
  if (!attachment) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not Found');
    return;
  }
  res.writeHead(200, { 'content-type': attachment.contentType, 'content-length': attachment.size });
  res.end(attachment.data);
}
