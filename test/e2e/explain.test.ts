import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLesson, lessonTitle } from '../../src/lessons/index.js';
import type { Locale } from '../../src/locales/index.js';
import { showConversation } from './conversation.js';
import { startWorld, type World } from './harness.js';

/** /explain asks a worker to build the lesson (then reads it from the cache); /help needs none. */
let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 30_000);
afterAll(async () => {
  if (world) showConversation(world.discord, '/explain and /help');
  await world?.close();
});

async function explainBackprop(locale: Locale) {
  const { discord } = world;
  const user = discord.createUser({ username: `reader-${locale}`, locale });
  const handle = discord.sendCommand({ user, name: 'explain', options: [{ name: 'topic', type: 3, value: 'backprop' }] });
  const response = await handle.waitForResponse();
  expect(response.ackMs).toBeLessThan(3000);
  const expected = await buildLesson('backprop', locale);
  const title = lessonTitle('backprop', locale);
  const thread = await discord.waitFor(() => discord.threads.find((t) => t.name === title), 20_000);
  const posts = await discord.waitFor(() => {
    const inThread = discord.messagesIn(thread.id);
    return inThread.length === expected.length ? inThread : undefined;
  }, 30_000);
  return { handle, thread, posts, expected, title };
}

describe('/explain end to end', () => {
  it('posts the English lesson as a thread on a public reply, every post in order, with its pictures', async () => {
    const { handle, thread, posts, expected, title } = await explainBackprop('en');
    const reply = handle.original();
    expect(reply?.flags ?? 0).toBe(0); // public, and no longer "thinking..."
    expect(reply?.content).toContain(title);
    expect(reply?.content).toContain(`thread below, in ${expected.length} posts`);
    expect(thread.starterMessageId ?? thread.id).toBe(reply?.id);
    expect(posts.map((p) => p.content)).toEqual(expected.map((p) => p.content));
    expect(posts.map((p) => p.attachments.map((a) => a.filename))).toEqual(expected.map((p) => p.images.map((i) => i.filename)));
    expect(posts.some((p) => p.attachments.length > 0)).toBe(true);
    for (const [i, post] of posts.entries()) expect(post.content.startsWith(`${i + 1}/${expected.length} `)).toBe(true);
    expect(world.discord.violations).toEqual([]);
  }, 40_000);

  it('posts the lesson in Portuguese for a pt-BR user', async () => {
    const { handle, posts, expected, title } = await explainBackprop('pt-BR');
    expect(title).toMatch(/Retropropagação/);
    expect(handle.original()?.content).toContain('A lição segue na thread abaixo');
    expect(posts.map((p) => p.content)).toEqual(expected.map((p) => p.content));
    const english = await buildLesson('backprop', 'en');
    expect(posts[0].content).not.toBe(english[0].content);
    // Common Portuguese words, and none of the English lesson's own first sentence.
    const text = posts.map((p) => p.content).join('\n');
    expect(text).toMatch(/\b(rede|peso|erro)\b/);
    expect(text).toMatch(/ção\b/);
    expect(world.discord.violations).toEqual([]);
  }, 40_000);
});

describe('/help end to end', () => {
  it('answers privately with an example per command, in the user\'s language', async () => {
    const { discord } = world;
    for (const [locale, commands] of [
      ['en-US', ['/train', '/predict', '/explain', '/models', '/jobs', '/leaderboard']],
      ['pt-BR', ['/treinar', '/prever', '/explicar', '/modelos', '/treinos', '/ranking']],
    ] as const) {
      const user = discord.createUser({ username: `helpme-${locale}`, locale });
      const handle = discord.sendCommand({ user, name: 'help' });
      await handle.waitForResponse();
      const reply = await discord.waitFor(() => handle.original());
      expect(reply.flags & 64).toBe(64);
      for (const command of commands) expect(reply.content).toContain('`' + command);
      expect(reply.content).toContain('npm start');
      expect(reply.content).toMatch(locale === 'pt-BR' ? /sintéticas/ : /synthetic/);
    }
    expect(discord.violations).toEqual([]);
  });
});

describe('/explain without a worker', () => {
  it('says privately that no worker built the lesson, instead of hanging', async () => {
    const lonely = await startWorld({ worker: false, env: { LESSON_TIMEOUT_MS: '1500' } });
    try {
      const user = lonely.discord.createUser({ username: 'early-bird' });
      const handle = lonely.discord.sendCommand({ user, name: 'explain', options: [{ name: 'topic', type: 3, value: 'loss' }] });
      await handle.waitForResponse();
      const answer = await lonely.discord.waitFor(() => lonely.discord.messages.find((m) => (m.flags & 64) === 64 && m.content.includes('built the lesson')), 15_000);
      expect(answer.content).toBe('No training worker built the lesson within 2 s. Are workers running (`npm run worker`)? Please try again.');
      expect(lonely.discord.violations).toEqual([]);
    } finally {
      await lonely.close();
    }
  }, 30_000);
});
