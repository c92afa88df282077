/**
 * The local Discord: a REST + gateway server on loopback that the real discord.js client runs
 * against, used by the end-to-end tests and by `npm start` without a DISCORD_TOKEN.
 *
 *     const discord = await startLocalDiscord();
 *     const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
 *     await client.login('local.sandbox.token');
 *     const alice = discord.createUser({ username: 'alice' });
 *     const run = discord.sendCommand({ user: alice, name: 'train', locale: 'pt-BR' });
 *     await run.waitForResponse();
 */
export { startLocalDiscord, LocalDiscord, type LocalDiscordOptions, type CreateUserOptions } from './server.js';
export {
  InteractionHandle,
  type SendCommandOptions,
  type ClickButtonOptions,
  type CommandOptionInput,
  type UserUpload,
} from './interactions.js';
export type {
  RecordedMessage,
  RecordedAttachment,
  RecordedThread,
  RecordedInteraction,
  MessageEdit,
  MessageSnapshot,
  SandboxUser,
  Violation,
  WorldEvents,
  InteractionResponseEvent,
} from './state.js';
export type { ViolationKind } from './errors.js';
export { DEFAULT_LIMITS, type SandboxLimits } from './limits.js';
export { formatMessage } from './format.js';
