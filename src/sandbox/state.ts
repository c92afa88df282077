import { EventEmitter } from 'node:events';
import {
  ChannelType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  ThreadAutoArchiveDuration,
  type APIApplicationCommand,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APITextChannel,
  type ChannelFlags,
  type APIThreadChannel,
  type APIUser,
} from 'discord.js';
import { GUILD_INSTALL } from './constants.js';
import type { ViolationKind } from './errors.js';
import { DEFAULT_LIMITS, type SandboxLimits } from './limits.js';
import { SnowflakeGenerator } from './snowflake.js';

/** A file as the local Discord keeps it: bytes included, so tests can decode the PNGs a bot sent. */
export interface RecordedAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** Served by the local server, like cdn.discordapp.com. */
  url: string;
  description?: string;
  data: Buffer;
}

/** What a message looked like at one moment; kept for each edit. */
export interface MessageSnapshot {
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: { id: string; filename: string }[];
  flags: number;
}

export interface MessageEdit {
  at: number;
  /** Which credential made the edit: the interaction token (editReply, update) or the bot token. */
  via: 'interaction-token' | 'bot-token';
  before: MessageSnapshot;
  after: MessageSnapshot;
}

/** The interaction a message answers, as Discord reports it in `interaction_metadata`. */
export interface MessageInteractionLink {
  id: string;
  type: InteractionType;
  user: APIUser;
  /** For a button's update/deferUpdate: the message whose component was used. */
  interactedMessageId?: string;
}

export interface RecordedMessage {
  id: string;
  channelId: string;
  guildId: string;
  author: APIUser;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: RecordedAttachment[];
  /** Bit field of MessageFlags; Ephemeral = 64, Loading = 128 (a deferred reply not yet edited). */
  flags: number;
  type: MessageType;
  createdAt: number;
  editedAt: number | null;
  edits: MessageEdit[];
  deleted: boolean;
  webhookId?: string;
  interaction?: MessageInteractionLink;
  /** The thread started from this message (thread id = message id). */
  threadId?: string;
}

export interface RecordedThread {
  id: string;
  parentId: string;
  guildId: string;
  name: string;
  autoArchiveDuration: number;
  ownerId: string;
  createdAt: number;
  starterMessageId: string | null;
  type: ChannelType.PublicThread | ChannelType.PrivateThread;
}

export interface RecordedChannel {
  id: string;
  guildId: string;
  name: string;
  type: ChannelType.GuildText;
}

export interface SandboxUser {
  user: APIUser;
  /** Roles of this member in the guild (besides @everyone, whose id is the guild id). */
  roleIds: string[];
  /** Effective guild permissions, as sent in `member.permissions`. */
  permissions: bigint;
  locale?: string;
}

export interface RecordedInteraction {
  id: string;
  token: string;
  type: InteractionType;
  user: APIUser;
  channelId: string;
  locale: string;
  commandName?: string;
  customId?: string;
  /** For components: the message whose button was clicked. */
  sourceMessageId?: string;
  createdAt: number;
  ackedAt: number | null;
  responseType: InteractionResponseType | null;
  /** The message `@original` points at (the reply, or the component's message after update). */
  originalMessageId: string | null;
  followUpIds: string[];
  /** The deadline passed without a response: Discord shows "The application did not respond". */
  failed: boolean;
  /** Token expired (TTL elapsed or `expireTokens()`). */
  tokenExpired: boolean;
}

export interface Violation {
  kind: ViolationKind;
  message: string;
  at: number;
  /** `METHOD /path` of the request, when a request caused it. */
  route?: string;
  status?: number;
  code?: number;
  interactionId?: string;
}

export interface InteractionResponseEvent {
  interaction: RecordedInteraction;
  type: InteractionResponseType;
  /** Milliseconds between the dispatch and the first response. */
  ackMs: number;
}

/** Events of the recorded world (see LocalDiscord.on). */
export interface WorldEvents {
  message: [RecordedMessage];
  messageUpdate: [RecordedMessage, MessageEdit];
  messageDelete: [RecordedMessage];
  thread: [RecordedThread];
  interaction: [RecordedInteraction];
  interactionResponse: [InteractionResponseEvent];
  commands: [{ guildId: string | null; commands: APIApplicationCommand[] }];
  violation: [Violation];
  /** Anything changed; `waitFor` re-checks on it. */
  change: [];
}

export interface WorldSetup {
  applicationId: string;
  botUser: APIUser;
  guildId: string;
  guildName: string;
  channelId: string;
  channelName: string;
  everyoneRole: APIRole;
  botRole: APIRole;
  preferredLocale: string;
}

/**
 * Everything that happened on the local Discord, kept for tests to inspect.
 * The REST and gateway modules change it only through these methods, so events fire for each change.
 */
export class World extends EventEmitter<WorldEvents> {
  readonly ids = new SnowflakeGenerator();
  readonly users = new Map<string, SandboxUser>();
  readonly roles = new Map<string, APIRole>();
  readonly channels = new Map<string, RecordedChannel>();
  readonly threads = new Map<string, RecordedThread>();
  readonly messages = new Map<string, RecordedMessage>();
  readonly attachments = new Map<string, RecordedAttachment>();
  readonly interactions = new Map<string, RecordedInteraction>();
  readonly interactionsByToken = new Map<string, RecordedInteraction>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly violations: Violation[] = [];
  readonly limits: SandboxLimits;
  /** `http://host:port` of the local server, set once it listens; attachment URLs start with it. */
  publicUrl = '';

  constructor(readonly setup: WorldSetup, limits: Partial<SandboxLimits> = {}) {
    super();
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.roles.set(setup.everyoneRole.id, setup.everyoneRole);
    this.roles.set(setup.botRole.id, setup.botRole);
    this.channels.set(setup.channelId, { id: setup.channelId, guildId: setup.guildId, name: setup.channelName, type: ChannelType.GuildText });
    this.users.set(setup.botUser.id, {
      user: setup.botUser,
      roleIds: [setup.botRole.id],
      permissions: BigInt(setup.everyoneRole.permissions) | BigInt(setup.botRole.permissions),
    });
  }

  protected changed(): void {
    this.emit('change');
  }

  recordViolation(violation: Omit<Violation, 'at'>): Violation {
    const recorded = { ...violation, at: Date.now() };
    this.violations.push(recorded);
    this.emit('violation', recorded);
    this.changed();
    return recorded;
  }

  addMessage(message: RecordedMessage): RecordedMessage {
    this.messages.set(message.id, message);
    this.emit('message', message);
    this.changed();
    return message;
  }

  /** Applies `change` to a message, keeping the before/after snapshots in its edit history. */
  editMessage(message: RecordedMessage, via: MessageEdit['via'], change: (m: RecordedMessage) => void): MessageEdit {
    const before = snapshot(message);
    change(message);
    const at = Date.now();
    message.editedAt = at;
    const edit: MessageEdit = { at, via, before, after: snapshot(message) };
    message.edits.push(edit);
    this.emit('messageUpdate', message, edit);
    this.changed();
    return edit;
  }

  deleteMessage(message: RecordedMessage): void {
    message.deleted = true;
    this.emit('messageDelete', message);
    this.changed();
  }

  addThread(thread: RecordedThread): RecordedThread {
    this.threads.set(thread.id, thread);
    this.emit('thread', thread);
    this.changed();
    return thread;
  }

  addInteraction(interaction: RecordedInteraction): void {
    this.interactions.set(interaction.id, interaction);
    this.interactionsByToken.set(interaction.token, interaction);
    this.emit('interaction', interaction);
    this.changed();
  }

  markAcknowledged(interaction: RecordedInteraction, type: InteractionResponseType): void {
    interaction.ackedAt = Date.now();
    interaction.responseType = type;
    this.emit('interactionResponse', { interaction, type, ackMs: interaction.ackedAt - interaction.createdAt });
    this.changed();
  }

  setCommands(guildId: string | null, commands: APIApplicationCommand[]): void {
    if (guildId === null) this.globalCommands.splice(0, this.globalCommands.length, ...commands);
    else this.guildCommands.set(guildId, commands);
    this.emit('commands', { guildId, commands });
    this.changed();
  }

  /** A text channel or a thread, by id. */
  channelOrThread(id: string): RecordedChannel | RecordedThread | undefined {
    return this.channels.get(id) ?? this.threads.get(id);
  }

  /** Messages of one channel or thread in creation order (deleted ones excluded). */
  messagesIn(channelId: string): RecordedMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.deleted);
  }
}

export function snapshot(message: RecordedMessage): MessageSnapshot {
  return {
    content: message.content,
    embeds: structuredClone(message.embeds),
    components: structuredClone(message.components),
    attachments: message.attachments.map(({ id, filename }) => ({ id, filename })),
    flags: message.flags,
  };
}

export function isEphemeral(message: RecordedMessage): boolean {
  return (message.flags & MessageFlags.Ephemeral) !== 0;
}

export function toAPIAttachment(attachment: RecordedAttachment): APIAttachment {
  return {
    id: attachment.id,
    filename: attachment.filename,
    size: attachment.size,
    url: attachment.url,
    proxy_url: attachment.url,
    content_type: attachment.contentType,
    ...(attachment.description === undefined ? {} : { description: attachment.description }),
  };
}

/** The message as Discord's REST API returns it. */
export function toAPIMessage(world: World, message: RecordedMessage): APIMessage {
  const api: APIMessage = {
    id: message.id,
    channel_id: message.channelId,
    author: message.author,
    content: message.content,
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.attachments.map(toAPIAttachment),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    type: message.type,
    flags: message.flags,
  };
  if (message.webhookId) {
    api.webhook_id = message.webhookId;
    api.application_id = world.setup.applicationId;
  }
  if (message.interaction) {
    const { id, type, user, interactedMessageId } = message.interaction;
    // discord.js throws on interaction_metadata without authorizing_integration_owners.
    const authorizing_integration_owners = { [GUILD_INSTALL]: world.setup.guildId };
    api.interaction_metadata =
      type === InteractionType.MessageComponent
        ? { id, type, user, authorizing_integration_owners, interacted_message_id: interactedMessageId ?? message.id }
        : { id, type: InteractionType.ApplicationCommand, user, authorizing_integration_owners };
  }
  const thread = message.threadId ? world.threads.get(message.threadId) : undefined;
  if (thread) api.thread = toAPIThread(world, thread);
  return api;
}

export function toAPIThread(world: World, thread: RecordedThread): APIThreadChannel {
  const messageCount = world.messagesIn(thread.id).length;
  return {
    id: thread.id,
    type: thread.type,
    guild_id: thread.guildId,
    parent_id: thread.parentId,
    owner_id: thread.ownerId,
    name: thread.name,
    last_message_id: world.messagesIn(thread.id).at(-1)?.id ?? null,
    message_count: messageCount,
    total_message_sent: messageCount,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
    thread_metadata: {
      archived: false,
      auto_archive_duration: thread.autoArchiveDuration as ThreadAutoArchiveDuration,
      archive_timestamp: new Date(thread.createdAt).toISOString(),
      locked: false,
      create_timestamp: new Date(thread.createdAt).toISOString(),
    },
  };
}

export function toAPITextChannel(world: World, channel: RecordedChannel): APITextChannel {
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    parent_id: null,
    rate_limit_per_user: 0,
    // discord.js uses this as the default auto_archive_duration of message.startThread().
    default_auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
    last_message_id: world.messagesIn(channel.id).at(-1)?.id ?? null,
    flags: 0 as ChannelFlags,
  };
}

/** A text channel or a thread in API shape. */
export function toAPIChannel(world: World, channel: RecordedChannel | RecordedThread): APIThreadChannel | APITextChannel {
  return 'parentId' in channel ? toAPIThread(world, channel) : toAPITextChannel(world, channel);
}
