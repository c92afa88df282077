import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe('/train end to end', () => {
  it('acknowledges within 3 s, shows progress at most every 2 s, and ends with the pictures', async () => {
    const { discord } = world;
    const user = discord.createUser({ username: 'ana' });
    const handle = discord.sendCommand({ user, name: 'train', options: [{ name: 'dataset', type: 3, value: 'spiral' }, { name: 'epochs', type: 4, value: 4000 }, { name: 'hidden', type: 3, value: '16,16' }] });
    const response = await handle.waitForResponse();
    expect(response.ackMs).toBeLessThan(3000);
    const final = await discord.waitFor(() => {
      const message = handle.original();
      return message?.content.startsWith('✅') ? message : undefined;
    }, 60_000);
    expect(final.content).toMatch(/Trained \*\*spiral\*\*/);
    expect(final.embeds[0].fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['ROC AUC', 'Recall', 'Precision', 'F1']));
    const names = final.attachments.map((a) => a.filename);
    expect(names).toEqual(expect.arrayContaining(['loss-curve.png', 'network.png', 'decision-boundary.png', 'training.gif']));
    const gif = final.attachments.find((a) => a.filename === 'training.gif')!;
    expect(gif.data.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(gif.data.length).toBeLessThan(10 * 1024 * 1024);
    for (const attachment of final.attachments.filter((a) => a.filename.endsWith('.png'))) {
      const image = await loadImage(attachment.data);
      expect(image.width).toBeGreaterThan(200);
    }
    // progress edits: at most one per 2 s (the first edit after the deferral is the queued message)
    const progressEdits = final.edits.filter((e) => e.after.content.includes('epoch'));
    expect(progressEdits.length).toBeGreaterThanOrEqual(1);
    expect(progressEdits[0].after.content).toMatch(/epoch \d+\/4000 `[█░]{20}` \d+% · loss \d/);
    expect(progressEdits[0].after.components.length).toBe(1); // the Cancel button stays while it runs
    for (let i = 1; i < progressEdits.length; i++) expect(progressEdits[i].at - progressEdits[i - 1].at).toBeGreaterThanOrEqual(1900);
    // the story of the run, as a thread on the reply
    const thread = await discord.waitFor(() => discord.threads.find((t) => t.id === final.threadId), 30_000);
    expect(thread.name).toBe('The story of this run: spiral');
    const posts = await discord.waitFor(() => {
      const inThread = discord.messagesIn(thread.id);
      return inThread.length > 0 && /^(\d+)\/\1 /.test(inThread.at(-1)!.content) ? inThread : undefined;
    }, 30_000);
    expect(posts[0].content).toMatch(/^1\/\d+ /);
    expect(posts.map((p) => p.content).join('\n')).toMatch(/loss/i);
    expect(posts.some((p) => p.attachments.length > 0)).toBe(true);
    expect(discord.violations).toEqual([]);
  }, 90_000);

  it('answers a bad option privately, naming it and what is allowed', async () => {
    const { discord } = world;
    const user = discord.createUser({ username: 'bia', locale: 'pt-BR' });
    const handle = discord.sendCommand({ user, name: 'train', locale: 'pt-BR', options: [{ name: 'epochs', type: 4, value: 0 }] });
    await handle.waitForResponse();
    const reply = await discord.waitFor(() => handle.original());
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toBe('Valor inválido para `epochs`: um número inteiro de 1 a 100.000 (recebido: 0)');
  });
});
