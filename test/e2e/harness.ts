/**
 * End-to-end harness: the local Discord, the real bot (discord.js client, router, delivery), a real
 * worker process and a real Redis, each test under its own queue prefix.
 */
import { BUTTONS, COMMANDS } from '../../commands/index.js';
import { startBot, type RunningBot } from '../../src/bot/app.js';
import { startLocalDiscord, type LocalDiscord, type LocalDiscordOptions } from '../../src/sandbox/index.js';
import { configOf, deletePrefix, REDIS_URL, startWorkerProcess, stopWorkerProcess, testEnv, type WorkerProcess } from '../jobs/helpers.js';

export interface World {
  discord: LocalDiscord;
  bot: RunningBot;
  worker: WorkerProcess | undefined;
  env: Record<string, string>;
  /** Starts a second bot on the same Discord and queue (a restart). */
  restartBot(): Promise<RunningBot>;
  close(): Promise<void>;
}

export async function startWorld(options: { discord?: LocalDiscordOptions; env?: Record<string, string>; worker?: boolean } = {}): Promise<World> {
  const discord = await startLocalDiscord(options.discord);
  const env = testEnv({
    DISCORD_TOKEN: 'local.sandbox.token',
    DISCORD_API_URL: discord.apiUrl,
    ATTACHMENT_HOSTS: '127.0.0.1',
    ...options.env,
  });
  const config = configOf(env);
  const worker = options.worker === false ? undefined : await startWorkerProcess(env);
  let bot = await startBot(config, { commands: COMMANDS, buttons: BUTTONS, postPauseMs: 0 });
  await discord.waitForBot();
  const world: World = {
    discord,
    bot,
    worker,
    env,
    async restartBot() {
      await bot.close();
      bot = await startBot(config, { commands: COMMANDS, buttons: BUTTONS, postPauseMs: 0 });
      world.bot = bot;
      return bot;
    },
    async close() {
      await bot.close().catch(() => undefined);
      await stopWorkerProcess(worker);
      await discord.close();
      await deletePrefix(REDIS_URL, env.QUEUE_PREFIX);
    },
  };
  return world;
}
