import { ChannelType, MessageType } from 'discord.js';
import {
  cannotEditOthersMessage,
  DiscordHttpError,
  threadAlreadyExists,
  unknownChannel,
  unknownGuild,
  unknownMessage,
} from './errors.js';
import { checkThread } from './limits.js';
import { asMessageBody, createMessage, editMessage } from './messages.js';
import type { Route, RouteContext } from './router.js';
import { isEphemeral, toAPIChannel, toAPIMessage, toAPITextChannel, toAPIThread, type RecordedMessage, type RecordedThread } from './state.js';

/** Channel, message and thread routes used with the bot token (channel.send, messages.edit, startThread). */
export function channelRoutes(): Route[] {
  const bot = { auth: 'bot', rateLimited: true } as const;
  return [
    {
      ...bot,
      method: 'GET',
      path: '/channels/:channelId',
      handle: (ctx) => ({ status: 200, json: toAPIChannel(ctx.world, channelOf(ctx)) }),
    },
    {
      ...bot,
      method: 'GET',
      path: '/guilds/:guildId/channels',
      handle: ({ world, params }) => {
        if (params.guildId !== world.setup.guildId) throw unknownGuild();
        return { status: 200, json: [...world.channels.values()].map((c) => toAPITextChannel(world, c)) };
      },
    },
    {
      ...bot,
      method: 'GET',
      path: '/channels/:channelId/messages',
      handle: (ctx) => {
        channelOf(ctx);
        const limit = Math.min(100, Number(ctx.query.get('limit') ?? 50));
        // Newest first, as Discord returns them; ephemeral messages are invisible to the channel.
        const messages = ctx.world.messagesIn(ctx.params.channelId).filter((m) => !isEphemeral(m)).reverse().slice(0, limit);
        return { status: 200, json: messages.map((m) => toAPIMessage(ctx.world, m)) };
      },
    },
    { ...bot, method: 'GET', path: '/channels/:channelId/messages/:messageId', handle: (ctx) => ({ status: 200, json: toAPIMessage(ctx.world, messageOf(ctx)) }) },
    {
      ...bot,
      method: 'POST',
      path: '/channels/:channelId/messages',
      handle: (ctx) => {
        channelOf(ctx);
        const message = createMessage(ctx.world, {
          channelId: ctx.params.channelId,
          author: ctx.world.setup.botUser,
          body: asMessageBody(ctx.body.json),
          files: ctx.body.files,
          type: MessageType.Default,
        });
        return { status: 200, json: toAPIMessage(ctx.world, message) };
      },
    },
    {
      ...bot,
      method: 'PATCH',
      path: '/channels/:channelId/messages/:messageId',
      handle: (ctx) => {
        const message = messageOf(ctx);
        if (message.author.id !== ctx.world.setup.botUser.id) throw cannotEditOthersMessage();
        editMessage(ctx.world, message, asMessageBody(ctx.body.json), ctx.body.files, 'bot-token');
        return { status: 200, json: toAPIMessage(ctx.world, message) };
      },
    },
    {
      ...bot,
      method: 'DELETE',
      path: '/channels/:channelId/messages/:messageId',
      handle: (ctx) => {
        ctx.world.deleteMessage(messageOf(ctx));
        return { status: 204 };
      },
    },
    // sendTyping(): accepted, nothing to record.
    { ...bot, method: 'POST', path: '/channels/:channelId/typing', handle: (ctx) => (channelOf(ctx), { status: 204 }) },
    {
      ...bot,
      method: 'POST',
      path: '/channels/:channelId/messages/:messageId/threads',
      handle: (ctx) => {
        const message = messageOf(ctx);
        if (message.threadId) throw threadAlreadyExists();
        return { status: 201, json: toAPIThread(ctx.world, startThread(ctx, message.id, ChannelType.PublicThread, message)) };
      },
    },
    {
      ...bot,
      method: 'POST',
      path: '/channels/:channelId/threads',
      handle: (ctx) => {
        const requested = (ctx.body.json as { type?: number } | undefined)?.type;
        // Without a starting message Discord makes a private thread unless told otherwise.
        const type = requested === ChannelType.PublicThread ? ChannelType.PublicThread : ChannelType.PrivateThread;
        return { status: 201, json: toAPIThread(ctx.world, startThread(ctx, ctx.world.ids.next(), type, null)) };
      },
    },
  ];
}

function channelOf({ world, params }: Pick<RouteContext, 'world' | 'params'>) {
  const channel = world.channelOrThread(params.channelId);
  if (!channel) throw unknownChannel();
  return channel;
}

/** A message of the channel in the path that the bot can see: ephemeral messages are not reachable with the bot token. */
function messageOf(ctx: RouteContext): RecordedMessage {
  channelOf(ctx);
  const message = ctx.world.messages.get(ctx.params.messageId);
  if (!message || message.deleted || message.channelId !== ctx.params.channelId || isEphemeral(message)) throw unknownMessage();
  return message;
}

function startThread(ctx: RouteContext, id: string, type: RecordedThread['type'], starter: RecordedMessage | null): RecordedThread {
  const { world } = ctx;
  const parent = channelOf(ctx);
  if ('parentId' in parent) throw new DiscordHttpError(400, 50024, 'Cannot execute action on this channel type', 'thread-invalid');
  const body = (ctx.body.json ?? {}) as { name?: unknown; auto_archive_duration?: unknown };
  // Discord falls back to the channel's default (1 day) when the duration is left out.
  const autoArchiveDuration = body.auto_archive_duration ?? 1_440;
  checkThread(body.name, autoArchiveDuration, world.limits);
  const thread = world.addThread({
    id,
    parentId: parent.id,
    guildId: parent.guildId,
    name: body.name as string,
    autoArchiveDuration: autoArchiveDuration as number,
    ownerId: world.setup.botUser.id,
    createdAt: Date.now(),
    starterMessageId: starter?.id ?? null,
    type,
  });
  if (starter) starter.threadId = thread.id;
  return thread;
}
