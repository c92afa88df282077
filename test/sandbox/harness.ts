import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { startLocalDiscord, type LocalDiscord, type LocalDiscordOptions } from '../../src/sandbox/index.js';

/** A 1x1 red PNG: enough to check that attachment bytes arrive intact. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export interface Sandbox {
  discord: LocalDiscord;
  client: Client;
  /** Errors thrown by the test bot's handlers (a test asserts on them when it expects one). */
  handlerErrors: unknown[];
  close(): Promise<void>;
}

/**
 * Starts the local Discord and a real discord.js client logged into it. `onInteraction` is the
 * test bot: it gets every interaction, as a bot's router would.
 */
export async function startSandbox(
  onInteraction: (interaction: Interaction) => Promise<void>,
  options: LocalDiscordOptions = {},
): Promise<Sandbox> {
  const discord = await startLocalDiscord(options);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: discord.apiUrl },
  });
  const handlerErrors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('local.sandbox.token');
  await ready;
  return {
    discord,
    client,
    handlerErrors,
    async close() {
      await client.destroy();
      await discord.close();
    },
  };
}
