/**
 * `npm start`.
 * - With DISCORD_TOKEN: the bot on real Discord (or on whatever DISCORD_API_URL points at). Training
 *   runs in worker processes started apart: `npm run worker`.
 * - Without: the local sandbox. Redis (the one at REDIS_URL, else a private redis-server), a Discord
 *   of its own on loopback, a worker, the bot, and a terminal where you type slash commands and read
 *   the replies; pictures go to ./out.
 * Settings come from the environment and from .env (the environment wins).
 */
import { resolve } from 'node:path';
import { BUTTONS, COMMANDS } from '../commands/index.js';
import { startBot } from '../src/bot/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { loadDotEnv } from '../src/start/env.js';
import { redactUrl, redisAnswers } from '../src/start/redis.js';
import { startSandbox, type Sandbox } from '../src/start/sandbox.js';
import { runTerminal } from '../src/start/terminal.js';

/** The sandbox (src/start/sandbox.ts) waits for this line when it runs this script as the bot's process. */
const READY_LINE = 'backprop-bot ready';

async function runOnDiscord(config: Config): Promise<void> {
  if (!(await redisAnswers(config.REDIS_URL, 2_000))) {
    console.error(`Warning: no Redis answers at ${redactUrl(config.REDIS_URL)} yet; the bot keeps trying, and /train answers "try again" until it does.`);
  }
  const bot = await startBot(config, { commands: COMMANDS, buttons: BUTTONS });
  console.log(`${READY_LINE}: connected as ${bot.client.user?.tag ?? '?'} with ${COMMANDS.length} commands (${COMMANDS.map((c) => `/${c.data.name}`).join(', ')}).`);
  console.log('Training runs in worker processes: start one or more with `npm run worker` (same REDIS_URL and QUEUE_PREFIX).');
  if (!config.DISCORD_CLIENT_ID) console.log('To register the slash commands, set DISCORD_CLIENT_ID and run `npm run deploy-commands`.');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing deliveries and disconnecting…`);
    await bot.close().catch((error: unknown) => console.error('close failed:', (error as Error).message));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

async function runSandbox(): Promise<void> {
  const outDir = resolve(process.env.OUT_DIR ?? 'out');
  console.log(
    'backprop-bot local sandbox: no DISCORD_TOKEN, so the bot runs against a Discord of its own on this machine (set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env to connect to real Discord; see README).',
  );
  console.log('Starting Redis, a training worker and the bot…');
  let sandbox: Sandbox | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (code: number) =>
    (stopping ??= (async () => {
      console.log('Stopping the bot, the worker and the local Discord…');
      await sandbox?.close();
      process.exit(code);
    })());
  // During start-up (and with piped input) the terminal is not listening for Ctrl-C: the process is.
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));
  try {
    sandbox = await startSandbox({ logDir: outDir });
  } catch (error) {
    console.error(`\nThe sandbox could not start:\n${(error as Error).message}`);
    process.exit(1);
  }
  const { discord, redis, workers, logFile } = sandbox;
  await runTerminal({
    discord,
    input: process.stdin,
    output: process.stdout,
    outDir,
    username: 'you',
    banner: [
      `Ready: local Discord at ${discord.apiUrl.replace(/\/api$/, '')} (server "Backprop Sandbox", #general), Redis ${redactUrl(redis.url)}${redis.private ? ' (private, removed when you quit)' : ''}, ${workers.length} worker; logs in ${logFile}.`,
      'Type a slash command, e.g. /train dataset:xor epochs:300   /demo topic:stroke   /explain topic:backprop',
      ':help lists every command · !click presses a button · :lang pt-BR switches language · :quit (or Ctrl-C) leaves.',
      `Pictures are saved to ${outDir}.`,
      '',
    ],
  });
  await stop(0);
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (config.DISCORD_TOKEN) await runOnDiscord(config);
  else await runSandbox();
}

await main();
