import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoText } from '../../src/bot/demo.js';
import { showConversation } from './conversation.js';
import { startWorld, type World } from './harness.js';

/** /demo stroke in the sandbox: the real bot, a real worker, Redis; no STROKE_CSV, so the generated rows. */
let world: World;
beforeAll(async () => {
  world = await startWorld({ env: { STROKE_CSV: '' } });
}, 60_000);
afterAll(async () => {
  if (world) showConversation(world.discord, '/demo stroke');
  await world?.close();
});

describe('/demo topic:stroke', () => {
  it('tells the tour as one thread: lessons, a live training with pictures, the story, a prediction with the disclaimer', async () => {
    const { discord } = world;
    const text = demoText('en');
    const user = discord.createUser({ username: 'carla' });
    const handle = discord.sendCommand({ user, name: 'demo', options: [{ name: 'topic', type: 3, value: 'stroke' }] });
    expect((await handle.waitForResponse()).ackMs).toBeLessThan(3000);

    const reply = await discord.waitFor(() => (handle.original()?.threadId ? handle.original() : undefined), 20_000);
    expect(reply.content).toContain('The stroke demo');
    expect(reply.content).toContain('generated rows');
    const thread = discord.threads.find((t) => t.id === reply.threadId)!;
    expect(thread.name).toBe(text.threadName);

    const posts = await discord.waitFor(() => {
      const inThread = discord.messagesIn(thread.id);
      return inThread.some((m) => m.content === text.outro || m.content === text.failed) ? inThread : undefined;
    }, 50_000);
    expect(posts.map((m) => m.content)).not.toContain(text.failed);

    const lessons = posts.filter((m) => m.content.startsWith('📖'));
    expect(lessons.length).toBeGreaterThanOrEqual(2);
    expect(lessons[0].content).not.toMatch(/^📖 \d+\/\d+/);

    // The live message: progress edits through the bot token (never the interaction token), then the result.
    const result = posts.find((m) => m.content.startsWith('✅'))!;
    expect(result.content).toMatch(/Trained \*\*stroke\*\*/);
    expect(result.edits.every((e) => e.via === 'bot-token')).toBe(true);
    expect(result.embeds[0].fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['ROC AUC', 'Recall', 'Always "no stroke"']));
    expect(result.embeds[0].description).toMatch(/SYNTHETIC DATA/);
    const pictures = result.attachments.filter((a) => a.filename.endsWith('.png'));
    expect(pictures.map((a) => a.filename)).toEqual(expect.arrayContaining(['loss-curve.png', 'confusion-matrix.png', 'roc-curve.png']));
    expect((await loadImage(pictures[0].data)).width).toBeGreaterThan(200);

    // The story of the run continues in the same thread (no thread in a thread), ending with the verdict.
    expect(discord.threads).toHaveLength(1);
    expect(posts.some((m) => /^\d+\/\d+ \*\*The honest verdict\*\*/.test(m.content))).toBe(true);

    const prediction = posts.find((m) => m.content.includes('🩺'))!;
    expect(prediction.content).toMatch(/age=67/);
    expect(prediction.content).toMatch(/Stroke risk band: \*\*(low|moderate|high)\*\* · P\(stroke\) = \*\*0\.\d{3}\*\*/);
    expect(prediction.content).toMatch(/SYNTHETIC DATA/);
    expect(prediction.content).toMatch(/Educational demo, not medical advice/);
    // In order: lessons, result, prediction, outro.
    const order = [lessons[0], result, prediction].map((m) => posts.indexOf(m));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(posts.at(-1)?.content).toBe(text.outro);
    expect(discord.violations).toEqual([]);
  }, 60_000);
});
