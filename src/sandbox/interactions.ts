import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionType,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type Locale,
} from 'discord.js';
import { randomBytes } from 'node:crypto';
import type { Gateway } from './gateway.js';
import { buildInteractionMember } from './guild.js';
import { attachmentUrl } from './messages.js';
import {
  toAPIAttachment,
  toAPIChannel,
  toAPIMessage,
  type InteractionResponseEvent,
  type RecordedAttachment,
  type RecordedInteraction,
  type RecordedMessage,
  type SandboxUser,
  type World,
} from './state.js';
import { GUILD_INSTALL } from './constants.js';

/** A file a simulated user attaches to a command. */
export interface UserUpload {
  filename: string;
  contentType: string;
  data: Buffer;
}

/**
 * One option of a simulated slash command. Subcommands carry `options`; an Attachment option's
 * `value` is the filename of one of the command's `attachments`.
 */
export interface CommandOptionInput {
  name: string;
  type: ApplicationCommandOptionType;
  value?: string | number | boolean;
  options?: CommandOptionInput[];
}

export interface SendCommandOptions {
  user: SandboxUser;
  name: string;
  options?: CommandOptionInput[];
  /** The user's client language, e.g. 'pt-BR'; defaults to the user's locale, then 'en-US'. */
  locale?: string;
  attachments?: UserUpload[];
  /** Channel or thread the command is used in; the default text channel if unset. */
  channelId?: string;
}

export interface ClickButtonOptions {
  user: SandboxUser;
  /** The message carrying the button (a recorded message or its id). */
  message: RecordedMessage | string;
  customId: string;
  locale?: string;
}

/** Handle a test holds on one simulated interaction. */
export class InteractionHandle {
  constructor(private readonly world: World, readonly interaction: RecordedInteraction) {}

  get id(): string {
    return this.interaction.id;
  }

  get token(): string {
    return this.interaction.token;
  }

  /** Resolves with the first response (type and time to ack); rejects after `timeoutMs`. */
  waitForResponse(timeoutMs = this.world.limits.ackDeadlineMs + 2_000): Promise<InteractionResponseEvent> {
    const { interaction } = this;
    if (interaction.ackedAt !== null && interaction.responseType !== null) {
      return Promise.resolve({ interaction, type: interaction.responseType, ackMs: interaction.ackedAt - interaction.createdAt });
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.world.off('interactionResponse', listener);
        reject(new Error(`interaction ${interaction.commandName ?? interaction.customId} got no response within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (event: InteractionResponseEvent) => {
        if (event.interaction !== interaction) return;
        clearTimeout(timer);
        this.world.off('interactionResponse', listener);
        resolve(event);
      };
      this.world.on('interactionResponse', listener);
    });
  }

  /** The message `@original` points at now (the reply, or the updated component message). */
  original(): RecordedMessage | undefined {
    const id = this.interaction.originalMessageId;
    return id ? this.world.messages.get(id) : undefined;
  }

  /** Same as original(): the reply as the user sees it now. */
  reply(): RecordedMessage | undefined {
    return this.original();
  }

  get followUps(): RecordedMessage[] {
    return this.interaction.followUpIds.map((id) => this.world.messages.get(id)).filter((m): m is RecordedMessage => m !== undefined);
  }
}

/**
 * Creates interactions as a Discord user would, dispatches INTERACTION_CREATE to the connected
 * bot and watches the 3-second deadline.
 */
export class InteractionSimulator {
  private readonly deadlines = new Set<NodeJS.Timeout>();

  constructor(private readonly world: World, private readonly gateway: Gateway) {}

  sendCommand(options: SendCommandOptions): InteractionHandle {
    const { world } = this;
    const channelId = options.channelId ?? world.setup.channelId;
    const uploads = this.storeUploads(channelId, options.attachments ?? []);
    const interaction = this.record(options.user, channelId, InteractionType.ApplicationCommand, options.locale, { commandName: options.name });
    const command = [...(world.guildCommands.get(world.setup.guildId) ?? []), ...world.globalCommands].find((c) => c.name === options.name);
    const resolvedAttachments: Record<string, APIAttachment> = {};
    for (const upload of uploads) resolvedAttachments[upload.id] = toAPIAttachment(upload);

    const payload: APIChatInputApplicationCommandInteraction = {
      ...this.base(interaction, options.user, channelId),
      type: InteractionType.ApplicationCommand,
      data: {
        id: command?.id ?? world.ids.next(),
        name: options.name,
        type: ApplicationCommandType.ChatInput,
        ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
        ...(options.options ? { options: options.options.map((o) => toDataOption(o, uploads)) } : {}),
        ...(uploads.length ? { resolved: { attachments: resolvedAttachments } } : {}),
      },
    };
    this.dispatch(interaction, payload);
    return new InteractionHandle(world, interaction);
  }

  clickButton(options: ClickButtonOptions): InteractionHandle {
    const { world } = this;
    const message = typeof options.message === 'string' ? world.messages.get(options.message) : options.message;
    if (!message || message.deleted) throw new Error('clickButton: no such message');
    const button = findComponent(message.components, options.customId);
    if (!button) throw new Error(`clickButton: message ${message.id} has no component with custom_id "${options.customId}"`);
    if (button.disabled) throw new Error(`clickButton: button "${options.customId}" is disabled`);
    const interaction = this.record(options.user, message.channelId, InteractionType.MessageComponent, options.locale, {
      customId: options.customId,
      sourceMessageId: message.id,
    });
    const payload: APIMessageComponentButtonInteraction = {
      ...this.base(interaction, options.user, message.channelId),
      type: InteractionType.MessageComponent,
      channel_id: message.channelId,
      message: toAPIMessage(world, message),
      data: { custom_id: options.customId, component_type: ComponentType.Button },
    };
    this.dispatch(interaction, payload);
    return new InteractionHandle(world, interaction);
  }

  /** Stops the deadline timers (on close). */
  dispose(): void {
    for (const timer of this.deadlines) clearTimeout(timer);
    this.deadlines.clear();
  }

  private record(user: SandboxUser, channelId: string, type: InteractionType, locale: string | undefined, extra: Partial<RecordedInteraction>): RecordedInteraction {
    if (!this.world.channelOrThread(channelId)) throw new Error(`no channel ${channelId} on the local Discord`);
    if (!this.gateway.hasBot) throw new Error('no bot is connected to the local Discord (log the client in first)');
    return {
      id: this.world.ids.next(),
      // Real tokens are long opaque strings; the shape does not matter to clients.
      token: `aW50ZXJhY3Rpb24${randomBytes(24).toString('base64url')}`,
      type,
      user: user.user,
      channelId,
      locale: locale ?? user.locale ?? 'en-US',
      createdAt: Date.now(),
      ackedAt: null,
      responseType: null,
      originalMessageId: null,
      followUpIds: [],
      failed: false,
      tokenExpired: false,
      ...extra,
    };
  }

  /** Fields every guild interaction carries. */
  private base(interaction: RecordedInteraction, user: SandboxUser, channelId: string) {
    const { world } = this;
    const channel = world.channelOrThread(channelId)!;
    const bot = world.users.get(world.setup.botUser.id)!;
    return {
      id: interaction.id,
      application_id: world.setup.applicationId,
      token: interaction.token,
      version: 1 as const,
      guild_id: world.setup.guildId,
      guild: { id: world.setup.guildId, locale: world.setup.preferredLocale as Locale, features: [] },
      channel_id: channelId,
      // discord.js takes interaction.channelId from here; without it interaction.channel is null.
      channel: toAPIChannel(world, channel),
      member: buildInteractionMember(user),
      app_permissions: bot.permissions.toString(),
      locale: interaction.locale as Locale,
      guild_locale: world.setup.preferredLocale as Locale,
      entitlements: [],
      authorizing_integration_owners: { [GUILD_INSTALL]: world.setup.guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: world.limits.maxFileBytes,
    };
  }

  private dispatch(interaction: RecordedInteraction, payload: object): void {
    this.world.addInteraction(interaction);
    this.gateway.dispatch({ t: GatewayDispatchEvents.InteractionCreate, d: payload });
    // Past the deadline Discord tells the user "The application did not respond" and drops the interaction.
    const timer = setTimeout(() => {
      this.deadlines.delete(timer);
      if (interaction.ackedAt !== null) return;
      interaction.failed = true;
      this.world.recordViolation({
        kind: 'ack-deadline',
        message: `no response to ${interaction.commandName ?? interaction.customId} within ${this.world.limits.ackDeadlineMs} ms`,
        interactionId: interaction.id,
      });
    }, this.world.limits.ackDeadlineMs);
    timer.unref();
    this.deadlines.add(timer);
  }

  /** User uploads are served like Discord's CDN, at an http URL on the local server. */
  private storeUploads(channelId: string, uploads: UserUpload[]): RecordedAttachment[] {
    return uploads.map((upload) => {
      const id = this.world.ids.next();
      const attachment: RecordedAttachment = {
        id,
        filename: upload.filename,
        contentType: upload.contentType,
        size: upload.data.length,
        url: attachmentUrl(this.world, channelId, id, upload.filename),
        data: upload.data,
      };
      this.world.attachments.set(id, attachment);
      return attachment;
    });
  }
}

/** The option as Discord sends it; an attachment option's value becomes the attachment's id. */
function toDataOption(option: CommandOptionInput, uploads: RecordedAttachment[]): APIApplicationCommandInteractionDataOption {
  if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
    return {
      name: option.name,
      type: option.type,
      options: (option.options ?? []).map((o) => toDataOption(o, uploads)),
    } as APIApplicationCommandInteractionDataOption;
  }
  let value = option.value;
  if (option.type === ApplicationCommandOptionType.Attachment) {
    const upload = uploads.find((u) => u.filename === option.value) ?? uploads[0];
    if (!upload) throw new Error(`attachment option "${option.name}" needs a file in attachments`);
    value = upload.id;
  }
  // The union is keyed by `type`; the value's type is the caller's to get right, as with a real client.
  return { name: option.name, type: option.type, value } as APIApplicationCommandInteractionDataOption;
}

interface FoundComponent {
  custom_id?: string;
  disabled?: boolean;
}

/** Depth-first search through action rows (and Components V2 containers) for a custom_id. */
function findComponent(components: unknown[], customId: string): FoundComponent | undefined {
  for (const component of components) {
    if (typeof component !== 'object' || component === null) continue;
    const c = component as FoundComponent & { components?: unknown[]; accessory?: unknown };
    if (c.custom_id === customId) return c;
    const nested = [...(c.components ?? []), ...(c.accessory ? [c.accessory] : [])];
    const found = findComponent(nested, customId);
    if (found) return found;
  }
  return undefined;
}
