import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.js';
import { createLessonLibrary, createTrainingEvents, createTrainingQueue } from '../jobs/index.js';
import { createLogger } from '../logger.js';
import { createDelivery } from './delivery.js';
import { createRouter } from './router.js';
import type { BotButton, BotCommand, BotContext } from './types.js';

export interface BotOptions {
  commands: readonly BotCommand[];
  buttons: readonly BotButton[];
  /** Pause between posts of a thread (default 600 ms: reads like a thread, stays under rate limits). */
  postPauseMs?: number;
}

export interface RunningBot {
  client: Client;
  ctx: BotContext;
  close(): Promise<void>;
}

/**
 * Starts the bot: the discord.js client (pointed at DISCORD_API_URL, so the local Discord works
 * too), the queue producer, the queue's events and the delivery of progress and results. Resolves
 * once the client is ready and unfinished deliveries are resumed.
 */
export async function startBot(config: Config, options: BotOptions): Promise<RunningBot> {
  const log = createLogger('bot', { level: config.LOG_LEVEL });
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.DISCORD_API_URL } });
  const queue = createTrainingQueue(config);
  const events = createTrainingEvents(config);
  await events.ready();
  const delivery = createDelivery({
    rest: client.rest,
    queue,
    events,
    config,
    log,
    storyOf: (modelId) => queue.store.story(modelId),
    postPauseMs: options.postPauseMs ?? 600,
  });
  const lessons = createLessonLibrary(config, queue.redis);
  const ctx: BotContext = { config, client, queue, store: queue.store, delivery, lessons, log, postPauseMs: options.postPauseMs ?? 600 };
  const route = createRouter(options.commands, options.buttons, ctx);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (error) => log.error({ err: error.message }, 'discord client error'));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.DISCORD_TOKEN);
  await ready;
  await delivery.resume();
  log.info({ user: client.user?.tag, commands: options.commands.map((c) => c.data.name) }, 'bot ready');
  return {
    client,
    ctx,
    async close() {
      await delivery.idle();
      delivery.close();
      await client.destroy();
      await events.close();
      await lessons.close();
      await queue.close();
    },
  };
}
