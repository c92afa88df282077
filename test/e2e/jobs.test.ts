import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedMessage, SandboxUser } from '../../src/sandbox/index.js';
import { showConversation } from './conversation.js';
import { startWorld, type World } from './harness.js';

/** /jobs, the Cancel button (and who may press it), and /train with CSV attachments. */
let world: World;
let ana: SandboxUser;
let bruno: SandboxUser;
beforeAll(async () => {
  world = await startWorld();
  ana = world.discord.createUser({ username: 'ana' });
  bruno = world.discord.createUser({ username: 'bruno', locale: 'pt-BR' });
}, 60_000);
afterAll(async () => {
  if (world) showConversation(world.discord, '/jobs, Cancel, CSV uploads');
  await world?.close();
});

/** The first reply of a button click or command that is no longer "thinking...". */
const settled = (message: RecordedMessage | undefined) => (message && !message.deleted && (message.flags & 128) === 0 ? message : undefined);

/** A small CSV two classes can be learned from: label = x1 > x2. */
function goodCsv(): Buffer {
  const lines = ['x1,x2,label'];
  for (let i = 0; i < 120; i++) {
    const x1 = ((i * 37) % 100) / 100;
    const x2 = ((i * 61) % 100) / 100;
    lines.push(`${x1},${x2},${x1 > x2 ? 'up' : 'down'}`);
  }
  return Buffer.from(lines.join('\n'));
}

describe('/jobs and the Cancel button end to end', () => {
  it('lists a running job, refuses another user\'s Cancel, and stops it for the requester', async () => {
    const { discord } = world;
    const train = discord.sendCommand({ user: ana, name: 'train', options: [{ name: 'dataset', type: 3, value: 'spiral' }, { name: 'epochs', type: 4, value: 50_000 }] });
    const running = await discord.waitFor(() => (train.original()?.content.includes('epoch') ? train.original() : undefined), 20_000);
    const jobId = /cancel:(.+)/.exec(JSON.stringify(running.components))?.[1]?.split('"')[0] ?? '';
    expect(jobId).not.toBe('');

    const jobs = discord.sendCommand({ user: ana, name: 'jobs' });
    const list = await discord.waitFor(() => settled(jobs.original()), 10_000);
    expect(list.flags & 64).toBe(64);
    expect(list.content).toMatch(new RegExp(`1\\. \`${jobId}\` · \\*\\*spiral\\*\\* · running: epoch \\d+/50000`));
    expect(JSON.stringify(list.components)).toContain(`cancel:${jobId}`);

    // Bruno may not cancel Ana's job: a private refusal, and the job keeps running.
    const refused = discord.clickButton({ user: bruno, message: running, customId: `cancel:${jobId}` });
    const refusal = await discord.waitFor(() => settled(refused.original()), 10_000);
    expect(refusal.flags & 64).toBe(64);
    expect(refusal.content).toBe('Só quem iniciou este treino, ou um membro com Gerenciar Servidor, pode cancelá-lo.');
    expect((await world.bot.ctx.queue.jobsOf(ana.user.id)).map((j) => j.jobId)).toEqual([jobId]);

    // Ana presses Cancel under /jobs: the job stops and her reply says so.
    const cancel = discord.clickButton({ user: ana, message: list, customId: `cancel:${jobId}` });
    const stopping = await discord.waitFor(() => settled(cancel.original()), 10_000);
    expect(stopping.content).toBe(`🛑 Stopping job \`${jobId}\`…`);
    const cancelled = await discord.waitFor(() => (train.original()?.content.startsWith('🛑') ? train.original() : undefined), 20_000);
    expect(cancelled.content).toBe(`🛑 Training on **spiral** was cancelled by <@${ana.user.id}>.`);
    expect(cancelled.components).toEqual([]);

    const after = discord.sendCommand({ user: ana, name: 'jobs' });
    expect((await discord.waitFor(() => settled(after.original()), 10_000)).content).toContain('You have no queued or running trainings');
    expect(discord.violations).toEqual([]);
  }, 60_000);
});

describe('/train with a CSV attachment end to end', () => {
  it('trains on a good CSV', async () => {
    const { discord } = world;
    const handle = discord.sendCommand({
      user: ana,
      name: 'train',
      options: [{ name: 'file', type: 11, value: 'points.csv' }, { name: 'target', type: 3, value: 'label' }, { name: 'epochs', type: 4, value: 30 }],
      attachments: [{ filename: 'points.csv', contentType: 'text/csv', data: goodCsv() }],
    });
    const done = await discord.waitFor(() => (/^[✅❌]/.test(handle.original()?.content ?? '') ? handle.original() : undefined), 30_000);
    expect(done.content).toMatch(/^✅ Trained \*\*points(\.csv)?\*\*/);
    expect(done.embeds[0]?.fields?.find((f) => f.name === 'ROC AUC')?.value).toMatch(/^0\.\d{3}|1\.000$/);
    expect(discord.violations).toEqual([]);
  }, 40_000);

  it('refuses a file that is not a CSV, and a CSV without the target column, privately and in the user\'s language', async () => {
    const { discord } = world;
    const notCsv = discord.sendCommand({
      user: bruno,
      name: 'train',
      options: [{ name: 'file', type: 11, value: 'notes.txt' }, { name: 'target', type: 3, value: 'label' }],
      attachments: [{ filename: 'notes.txt', contentType: 'text/plain', data: Buffer.from('hello') }],
    });
    const first = await discord.waitFor(() => settled(notCsv.original()) ?? notCsv.followUps[0], 10_000);
    expect(first.flags & 64).toBe(64);
    expect(first.content).toBe('O arquivo anexado "notes.txt" não é um .csv.');

    const noTarget = discord.sendCommand({
      user: bruno,
      name: 'train',
      options: [{ name: 'file', type: 11, value: 'points.csv' }, { name: 'target', type: 3, value: 'missing_column' }],
      attachments: [{ filename: 'points.csv', contentType: 'text/csv', data: goodCsv() }],
    });
    const second = await discord.waitFor(() => noTarget.followUps[0] ?? (/^❌/.test(noTarget.original()?.content ?? '') ? noTarget.original() : undefined), 20_000);
    expect(second.content).toContain('missing_column');
    // Never a reply left "thinking...".
    expect(discord.messages.filter((m) => !m.deleted && (m.flags & 128) !== 0)).toEqual([]);
    expect(discord.violations).toEqual([]);
  }, 30_000);
});
