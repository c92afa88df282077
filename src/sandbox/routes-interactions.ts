import { InteractionResponseType, InteractionType, MessageFlags, MessageType, type RESTPostAPIInteractionCallbackWithResponseResult } from 'discord.js';
import {
  alreadyAcknowledged,
  DiscordHttpError,
  invalidWebhookToken,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './errors.js';
import { asMessageBody, createMessage, editMessage, type MessageBody } from './messages.js';
import type { Route, RouteContext } from './router.js';
import { isEphemeral, toAPIMessage, type MessageInteractionLink, type RecordedInteraction, type RecordedMessage, type World } from './state.js';

/** The interaction callback and the webhook routes that work with the interaction token (editReply, followUp, fetchReply). */
export function interactionRoutes(): Route[] {
  const byToken = { auth: 'none', rateLimited: true } as const;
  return [
    { auth: 'none', rateLimited: false, method: 'POST', path: '/interactions/:interactionId/:token/callback', handle: callback },
    { ...byToken, method: 'POST', path: '/webhooks/:webhookId/:token', handle: followUp },
    {
      ...byToken,
      method: 'GET',
      path: '/webhooks/:webhookId/:token/messages/:messageId',
      handle: (ctx) => ({ status: 200, json: toAPIMessage(ctx.world, webhookMessage(ctx, interactionOfWebhook(ctx))) }),
    },
    {
      ...byToken,
      method: 'PATCH',
      path: '/webhooks/:webhookId/:token/messages/:messageId',
      handle: (ctx) => {
        const message = webhookMessage(ctx, interactionOfWebhook(ctx));
        // Editing a deferred reply replaces the "thinking..." state.
        editMessage(ctx.world, message, asMessageBody(ctx.body.json), ctx.body.files, 'interaction-token', MessageFlags.Loading);
        return { status: 200, json: toAPIMessage(ctx.world, message) };
      },
    },
    {
      ...byToken,
      method: 'DELETE',
      path: '/webhooks/:webhookId/:token/messages/:messageId',
      handle: (ctx) => {
        ctx.world.deleteMessage(webhookMessage(ctx, interactionOfWebhook(ctx)));
        return { status: 204 };
      },
    },
  ];
}

function linkOf(interaction: RecordedInteraction): MessageInteractionLink {
  return {
    id: interaction.id,
    type: interaction.type,
    user: interaction.user,
    ...(interaction.sourceMessageId ? { interactedMessageId: interaction.sourceMessageId } : {}),
  };
}

/** A message the bot sends in answer to an interaction (reply, deferred reply, follow-up). */
function interactionMessage(world: World, interaction: RecordedInteraction, body: MessageBody, files: RouteContext['body']['files'], deferred: boolean): RecordedMessage {
  return createMessage(world, {
    channelId: interaction.channelId,
    author: world.setup.botUser,
    body,
    files,
    type: interaction.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
    extraFlags: deferred ? MessageFlags.Loading : 0,
    webhookId: world.setup.applicationId,
    interaction: linkOf(interaction),
    allowEmpty: deferred,
  });
}

/** POST /interactions/{id}/{token}/callback: the one initial response, within the deadline. */
function callback(ctx: RouteContext) {
  const { world, params } = ctx;
  const interaction = world.interactions.get(params.interactionId);
  if (!interaction || interaction.token !== params.token) throw unknownInteraction();
  if (interaction.ackedAt !== null) throw alreadyAcknowledged();
  const late = Date.now() - interaction.createdAt > world.limits.ackDeadlineMs;
  // Past the deadline Discord has already told the user "The application did not respond".
  if (late || interaction.failed) throw unknownInteraction();
  const response = (ctx.body.json ?? {}) as { type?: InteractionResponseType; data?: unknown };
  const isComponent = interaction.type === InteractionType.MessageComponent;
  const source = interaction.sourceMessageId ? world.messages.get(interaction.sourceMessageId) : undefined;
  let message: RecordedMessage | undefined;
  switch (response.type) {
    case InteractionResponseType.ChannelMessageWithSource:
      message = interactionMessage(world, interaction, asMessageBody(response.data), ctx.body.files, false);
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      message = interactionMessage(world, interaction, { flags: asMessageBody(response.data).flags ?? 0 }, [], true);
      break;
    case InteractionResponseType.DeferredMessageUpdate:
    case InteractionResponseType.UpdateMessage:
      if (!isComponent || !source) {
        throw new DiscordHttpError(400, 50035, 'Invalid Form Body (type: update responses are for component interactions)', 'invalid-body');
      }
      if (response.type === InteractionResponseType.UpdateMessage) {
        editMessage(world, source, asMessageBody(response.data), ctx.body.files, 'interaction-token');
      }
      message = source;
      break;
    case InteractionResponseType.Modal:
      break;
    default:
      throw new DiscordHttpError(400, 50035, `Invalid Form Body (type ${String(response.type)})`, 'invalid-body');
  }
  interaction.originalMessageId = message?.id ?? null;
  world.markAcknowledged(interaction, response.type);

  if (ctx.query.get('with_response') !== 'true') return { status: 204 };
  const result: RESTPostAPIInteractionCallbackWithResponseResult = {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (message.flags & MessageFlags.Loading) !== 0,
            response_message_ephemeral: isEphemeral(message),
          }
        : {}),
    },
    ...(message ? { resource: { type: response.type, message: toAPIMessage(world, message) } } : {}),
  };
  return { status: 200, json: result };
}

/**
 * The interaction behind /webhooks/{app}/{token}: the app must be ours, the token known, not
 * expired (15 min), and the interaction acknowledged in time; otherwise Discord's errors.
 */
function interactionOfWebhook({ world, params }: RouteContext): RecordedInteraction {
  if (params.webhookId !== world.setup.applicationId) throw unknownWebhook();
  const interaction = world.interactionsByToken.get(params.token);
  if (!interaction) throw invalidWebhookToken();
  if (interaction.tokenExpired || Date.now() - interaction.createdAt > world.limits.interactionTokenTtlMs) {
    interaction.tokenExpired = true;
    throw invalidWebhookToken();
  }
  if (interaction.ackedAt === null) {
    const error = unknownWebhook();
    throw new DiscordHttpError(error.status, error.code, error.message, 'unknown-interaction');
  }
  return interaction;
}

/** `@original` or the id of one of this interaction's messages. */
function webhookMessage(ctx: RouteContext, interaction: RecordedInteraction): RecordedMessage {
  const id = ctx.params.messageId === '@original' ? interaction.originalMessageId : ctx.params.messageId;
  const belongs = id !== null && (id === interaction.originalMessageId || interaction.followUpIds.includes(id));
  const message = belongs ? ctx.world.messages.get(id) : undefined;
  if (!message || message.deleted) throw unknownMessage();
  return message;
}

/** POST /webhooks/{app}/{token}: followUp. The first follow-up after a defer fills in the deferred reply, as on Discord. */
function followUp(ctx: RouteContext) {
  const { world } = ctx;
  const interaction = interactionOfWebhook(ctx);
  const body = asMessageBody(ctx.body.json);
  const original = interaction.originalMessageId ? world.messages.get(interaction.originalMessageId) : undefined;
  if (original && !original.deleted && (original.flags & MessageFlags.Loading) !== 0) {
    editMessage(world, original, body, ctx.body.files, 'interaction-token', MessageFlags.Loading);
    return { status: 200, json: toAPIMessage(world, original) };
  }
  const message = interactionMessage(world, interaction, body, ctx.body.files, false);
  interaction.followUpIds.push(message.id);
  return { status: 200, json: toAPIMessage(world, message) };
}
