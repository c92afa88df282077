import { afterAll, describe, expect, it } from 'vitest';
import type { LocalDiscord, SandboxUser } from '../../src/sandbox/index.js';
import { REDIS_URL } from '../jobs/helpers.js';
import { showConversation } from './conversation.js';
import { startWorld, type World } from './harness.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/** The interaction token expiring mid-run, a bot restart mid-job, and Redis going away. */
const worlds: World[] = [];
let proxy: TcpProxy | undefined;
afterAll(async () => {
  await proxy?.start().catch(() => undefined); // let the bot's clients close cleanly
  for (const world of worlds) {
    showConversation(world.discord, 'resilience');
    await world.close();
  }
});

/** A training that runs a few seconds (about 4,000 spiral epochs per second here). */
function startLongTraining(discord: LocalDiscord, user: SandboxUser, epochs = 15_000) {
  return discord.sendCommand({ user, name: 'train', options: [{ name: 'dataset', type: 3, value: 'spiral' }, { name: 'epochs', type: 4, value: epochs }] });
}

const finished = (discord: LocalDiscord, handle: ReturnType<typeof startLongTraining>) =>
  discord.waitFor(() => (handle.original()?.content.startsWith('✅') ? handle.original() : undefined), 40_000);

describe('a running job survives', () => {
  let world: World;

  it('the interaction token expiring mid-run: the result arrives through the bot token', async () => {
    world = await startWorld();
    worlds.push(world);
    const { discord } = world;
    const user = discord.createUser({ username: 'patient' });
    const handle = startLongTraining(discord, user);
    await discord.waitFor(() => handle.original()?.content.includes('epoch'), 20_000);
    discord.expireTokens();
    const done = await finished(discord, handle);
    expect(done.content).toMatch(/^✅ Trained \*\*spiral\*\*/);
    expect(done.attachments.map((a) => a.filename)).toContain('loss-curve.png');
    expect(done.edits.at(-1)?.via).toBe('bot-token');
    // The only complaints are the 401s through which the bot learnt that the token had expired.
    expect(discord.violations.filter((v) => v.kind !== 'token-expired')).toEqual([]);
    expect(discord.violations.every((v) => (v.route ?? '').startsWith('PATCH /webhooks/'))).toBe(true);
    // Neither token reaches the worker's logs (the interaction token travels in the job's payload).
    expect(world.worker?.output()).not.toContain(handle.token);
    expect(world.worker?.output()).not.toContain(world.env.DISCORD_TOKEN);
  }, 60_000);

  it('a bot restart mid-job: the new bot process delivers the result', async () => {
    const { discord } = world;
    const user = discord.createUser({ username: 'restarter' });
    const handle = startLongTraining(discord, user);
    await discord.waitFor(() => handle.original()?.content.includes('epoch'), 20_000);
    const before = world.bot;
    await world.restartBot();
    expect(world.bot).not.toBe(before);
    const done = await finished(discord, handle);
    expect(done.content).toMatch(/^✅ Trained \*\*spiral\*\*/);
    expect(discord.violations.filter((v) => v.kind !== 'token-expired')).toEqual([]);
  }, 60_000);
});

describe('Redis down', () => {
  it('answers /train, /jobs and /models privately within seconds, never leaving "thinking..."', async () => {
    const redis = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    const world = await startWorld({ worker: false, env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, LOG_LEVEL: 'error' } });
    worlds.push(world);
    const { discord } = world;
    const user = discord.createUser({ username: 'unlucky', locale: 'pt-BR' });
    await proxy.stop();

    for (const [name, options] of [
      ['train', [{ name: 'dataset', type: 3, value: 'xor' }]],
      ['jobs', []],
      ['models', [{ name: 'list', type: 1 }]],
    ] as const) {
      const started = Date.now();
      const handle = discord.sendCommand({ user, name, options: [...options] });
      expect((await handle.waitForResponse()).ackMs).toBeLessThan(3000);
      const answer = await discord.waitFor(() => {
        const original = handle.original();
        if (original && !original.deleted && (original.flags & 128) === 0) return original;
        return handle.followUps[0];
      }, 10_000);
      expect(Date.now() - started, name).toBeLessThan(8_000);
      expect(answer.flags & 64, name).toBe(64);
      expect(answer.content, name).toBe('A fila de treinos não está acessível agora. Tente de novo em um minuto.');
      // A public "thinking..." was deleted, not left hanging.
      expect(discord.messages.filter((m) => !m.deleted && (m.flags & 128) !== 0), name).toEqual([]);
    }
    expect(discord.violations).toEqual([]);
  }, 60_000);
});
