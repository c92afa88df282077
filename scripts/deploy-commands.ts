/**
 * `npm run deploy-commands`: registers the bot's slash commands with Discord. Guild commands when
 * DISCORD_GUILD_ID is set (they update at once: use it while developing), global commands otherwise
 * (they can take a while to reach every client). A bulk overwrite: commands removed from the code
 * disappear from Discord too.
 *
 * `npm start` (the local sandbox) and the tests call `deployCommands` on the local Discord.
 */
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../commands/index.js';
import type { BotCommand } from '../src/bot/types.js';
import { loadConfig } from '../src/config.js';
import { loadDotEnv } from '../src/start/env.js';

export interface DeployOptions {
  token: string;
  /** The application id. */
  clientId: string;
  /** Register in this guild only; global when absent. */
  guildId?: string;
  /** REST base URL (Discord's, or the local Discord's `apiUrl`). */
  apiUrl: string;
  commands?: readonly BotCommand[];
}

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

/** PUTs every command's JSON; resolves with what Discord registered. */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const commands = options.commands ?? COMMANDS;
  const body: RESTPostAPIChatInputApplicationCommandsJSONBody[] = commands.map((command) => command.data.toJSON());
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.clientId, options.guildId) : Routes.applicationCommands(options.clientId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: options.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}

/** The options from the environment, or a message saying exactly what is missing. */
export function deployOptionsFromEnv(env: Record<string, string | undefined>): DeployOptions | { problem: string } {
  const config = loadConfig(env);
  const missing = [!config.DISCORD_TOKEN && 'DISCORD_TOKEN (the Bot tab of https://discord.com/developers/applications)', !config.DISCORD_CLIENT_ID && 'DISCORD_CLIENT_ID (the application id, on the General Information tab)'].filter(Boolean);
  if (missing.length > 0 || !config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    return {
      problem: `Cannot register the commands: set ${missing.join(' and ')} in .env (see .env.example).\nTo try the bot without Discord, run \`npm start\`: the local sandbox registers the commands itself.`,
    };
  }
  return { token: config.DISCORD_TOKEN, clientId: config.DISCORD_CLIENT_ID, ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}), apiUrl: config.DISCORD_API_URL };
}

async function main(): Promise<number> {
  loadDotEnv();
  let options: DeployOptions | { problem: string };
  try {
    options = deployOptionsFromEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if ('problem' in options) {
    console.error(options.problem);
    return 1;
  }
  try {
    const result = await deployCommands(options);
    const where = result.scope === 'guild' ? `in guild ${options.guildId} (available now)` : 'globally (may take up to an hour to appear everywhere)';
    console.log(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(', ')}`);
    return 0;
  } catch (error) {
    // A DiscordAPIError's message says what Discord refused (never the token).
    const status = (error as { status?: number }).status;
    const hint = status === 401 ? ' (is DISCORD_TOKEN right?)' : status === 403 || status === 404 ? ' (is DISCORD_CLIENT_ID right, and is the bot in DISCORD_GUILD_ID?)' : '';
    console.error(`Registering the commands failed: ${(error as Error).message}${hint}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
