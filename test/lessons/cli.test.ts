import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { explainCommand } from '../../src/cli/explain.js';
import { TOPICS } from '../../src/lessons/index.js';

function io(locale: 'en' | 'pt-BR' = 'en') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (c) => (chunks.out += String(c)));
  stderr.on('data', (c) => (chunks.err += String(c)));
  return { io: { stdout, stderr, env: {}, locale }, chunks };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('explain command', () => {
  it('lists every topic with its summary', async () => {
    const { io: streams, chunks } = io('pt-BR');
    expect(await explainCommand.run(['--list'], streams)).toBe(0);
    for (const topic of TOPICS) expect(chunks.out).toContain(topic);
    expect(chunks.out).toMatch(/Tópicos/);
  });

  it('prints the posts in the chosen language and saves the pictures it names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'explain-'));
    dirs.push(dir);
    const { io: streams, chunks } = io();
    expect(await explainCommand.run(['neuron', '--lang', 'pt-BR', '--out', dir], streams)).toBe(0);
    expect(chunks.out).toMatch(/^# O neurônio/);
    expect(chunks.out).toMatch(/^1\/6 /m);
    expect(chunks.out).toMatch(/^6\/6 /m);
    const files = await readdir(dir);
    expect(files.sort()).toEqual(['neuron-gauss.png', 'neuron-xor.png']);
    for (const file of files) expect(chunks.out).toContain(join(dir, file));
  });

  it('rejects an unknown topic, naming the allowed ones', async () => {
    const { io: streams } = io();
    const run = explainCommand.run(['backprob'], streams);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(explainCommand.run(['backprob'], streams)).rejects.toThrow(/backprob.*neuron, layers, activation/);
  });

  it('rejects a bad language', async () => {
    const { io: streams } = io();
    await expect(explainCommand.run(['loss', '--lang', 'fr'], streams)).rejects.toThrow(/--lang: en or pt-BR/);
  });
});
