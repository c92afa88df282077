import { GatewayDispatchEvents, GatewayIntentBits } from 'discord.js';
import type { Gateway } from './gateway.js';
import { buildMember } from './guild.js';
import { isEphemeral, toAPIMessage, toAPIThread, type RecordedMessage, type World } from './state.js';

/**
 * Tells connected bots about changes in the world, as Discord's gateway does: MESSAGE_CREATE/UPDATE/DELETE
 * (GuildMessages intent) and THREAD_CREATE (Guilds intent). Ephemeral messages are never dispatched.
 * discord.js caches a thread from the REST answer of startThread already; THREAD_CREATE keeps other
 * listeners (threadCreate) truthful.
 */
export function bridgeWorldToGateway(world: World, gateway: Gateway): () => void {
  const gatewayMessage = (message: RecordedMessage) => {
    const member = world.users.get(message.author.id);
    return {
      ...toAPIMessage(world, message),
      guild_id: message.guildId,
      ...(member ? { member: { ...buildMember(member), user: undefined } } : {}),
    };
  };
  const onMessage = (message: RecordedMessage) => {
    if (isEphemeral(message)) return;
    gateway.dispatch({ t: GatewayDispatchEvents.MessageCreate, d: gatewayMessage(message) }, GatewayIntentBits.GuildMessages);
  };
  const onUpdate = (message: RecordedMessage) => {
    if (isEphemeral(message)) return;
    gateway.dispatch({ t: GatewayDispatchEvents.MessageUpdate, d: gatewayMessage(message) }, GatewayIntentBits.GuildMessages);
  };
  const onDelete = (message: RecordedMessage) => {
    if (isEphemeral(message)) return;
    gateway.dispatch(
      { t: GatewayDispatchEvents.MessageDelete, d: { id: message.id, channel_id: message.channelId, guild_id: message.guildId } },
      GatewayIntentBits.GuildMessages,
    );
  };
  const onThread = (thread: Parameters<typeof toAPIThread>[1]) => {
    gateway.dispatch({ t: GatewayDispatchEvents.ThreadCreate, d: { ...toAPIThread(world, thread), newly_created: true } }, GatewayIntentBits.Guilds);
  };
  world.on('message', onMessage);
  world.on('messageUpdate', onUpdate);
  world.on('messageDelete', onDelete);
  world.on('thread', onThread);
  return () => {
    world.off('message', onMessage);
    world.off('messageUpdate', onUpdate);
    world.off('messageDelete', onDelete);
    world.off('thread', onThread);
  };
}
