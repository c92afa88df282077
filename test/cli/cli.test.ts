import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { main } from '../../src/cli.js';

/** An in-memory terminal for main(). */
function memoryIO(locale: CliIO['locale'] = 'en', env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: (chunk: string) => (out.push(chunk), true) } as unknown as CliIO['stdout'],
    stderr: { write: (chunk: string) => (err.push(chunk), true) } as unknown as CliIO['stderr'],
    env,
    locale,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backprop-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli train', () => {
  it('trains xor in-process and prints one JSON object with held-out metrics and history', async () => {
    const t = memoryIO();
    const code = await main(['train', '--dataset', 'xor', '--hidden', '4', '--activation', 'tanh', '--epochs', '500', '--seed', '1', '--json'], t.io);
    expect(code).toBe(0);
    const json = JSON.parse(t.stdout());
    expect(json.metrics.accuracy).toBe(1);
    expect(json.metrics.auc).toBe(1);
    expect(json.metrics.recall).toBe(1);
    expect(json.metrics.f1).toBe(1);
    expect(json.metrics.loss).toBeLessThan(0.05);
    expect(json.history.trainLoss).toHaveLength(500);
    expect(json.history.trainLoss[499]).toBeLessThan(json.history.trainLoss[0]);
    expect(json.network.shape).toBe('2-4-1');
    expect(json.training.status).toBe('completed');
    expect(t.stderr()).toBe(''); // --json keeps stderr quiet too
  });

  it('prints a progress bar and a summary in text mode', async () => {
    const t = memoryIO();
    expect(await main(['train', '--dataset', 'spiral', '--hidden', '8,8', '--epochs', '50'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/epoch\s+1\/50\s+\[/);
    expect(t.stderr()).toMatch(/epoch 50\/50\s+\[█{20}\]\s+100%/);
    expect(t.stdout()).toMatch(/Held-out test \(\d+ rows the network never saw\)/);
    expect(t.stdout()).toMatch(/ROC AUC\s+0\.\d{3}/);
    expect(t.stdout()).toMatch(/always answering "\w+" would score 0\.500 accuracy/);
  });

  it('writes a model that predict loads, and the pictures to --out', async () => {
    const model = join(dir, 'xor.json');
    const out = join(dir, 'pictures');
    const t = memoryIO();
    expect(await main(['train', '--dataset', 'xor', '--epochs', '200', '--save', model, '--out', out, '--quiet'], t.io)).toBe(0);
    expect(JSON.parse(await readFile(model, 'utf8')).format).toBe('backprop-bot.model');
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['confusion-matrix.png', 'decision-boundary.png', 'loss-curve.png', 'network-activations.png', 'network.png', 'roc-curve.png', 'training.gif']);
    const gif = await readFile(join(out, 'training.gif'));
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const image = await loadImage(await readFile(join(out, 'decision-boundary.png')));
    expect(image.width).toBeGreaterThan(300);
    const p = memoryIO();
    expect(await main(['predict', '--model', model, '--input', '{"x1": 1, "x2": -1}', '--json'], p.io)).toBe(0);
    const prediction = JSON.parse(p.stdout());
    expect(prediction.predicted).toBe(1); // opposite signs: class 1
    expect(prediction.probability).toBeGreaterThan(0.9);
    expect(prediction.contributions.map((c: { column: string }) => c.column).sort()).toEqual(['x1', 'x2']);
  });

  it('trains the stroke recipe on generated rows and says they are synthetic, in pt-BR too', async () => {
    const t = memoryIO('pt-BR');
    expect(await main(['train', '--dataset', 'stroke', '--quiet'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/responder sempre "no stroke" daria 0,9|responder sempre "no stroke" daria 0\.9/);
    expect(t.stdout()).toMatch(/sintétic/i);
  });

  it('runs k-fold cross-validation with per-fold values beside the means', async () => {
    const t = memoryIO();
    expect(await main(['train', '--dataset', 'moons', '--folds', '3', '--epochs', '30', '--json'], t.io)).toBe(0);
    const json = JSON.parse(t.stdout());
    expect(json.crossValidation.folds).toBe(3);
    expect(json.crossValidation.perFold).toHaveLength(3);
    const mean = json.crossValidation.perFold.reduce((s: number, f: { auc: number }) => s + f.auc, 0) / 3;
    expect(json.crossValidation.mean.auc).toBeCloseTo(mean, 12);
  });

  it.each([
    [['train', '--epochs', 'abc'], 'Invalid value for --epochs: a whole number from 1 to 100,000 (got "abc")'],
    [['train', '--lr', '0'], 'Invalid value for --lr: a number above 0 and up to 10 (got "0")'],
    [['train', '--hidden', '16,a'], 'Invalid value for --hidden: neurons per hidden layer separated by commas'],
    [['train', '--activation', 'cube'], 'Invalid value for --activation: one of relu, tanh, sigmoid, leaky-relu, linear (got "cube")'],
    [['train', '--bogus'], "Unknown option '--bogus'. Options: --dataset"],
    [['train', '--dataset', 'mnist'], 'Unknown dataset "mnist". Available: xor, circle, gauss, spiral, moons, iris, stroke, file.csv.'],
    [['train', '--dataset', 'nowhere/data.csv', '--target', 'y'], 'Cannot read the file "nowhere/data.csv"'],
    [['predict', '--model', 'nowhere.json', '--input', '{}'], 'Cannot read the file "nowhere.json"'],
    [['frobnicate'], 'Unknown command "frobnicate". Commands: train, predict, explain.'],
  ])('refuses %j with exit code 2 and a one-line message', async (argv, message) => {
    const t = memoryIO();
    expect(await main(argv, t.io)).toBe(2);
    expect(t.stderr()).toContain(message);
    expect(t.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a corrupt model file with a clear message', async () => {
    const bad = join(dir, 'bad.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(bad, '{"format":"keras"}'));
    const t = memoryIO();
    expect(await main(['predict', '--model', bad, '--input', '{}'], t.io)).toBe(2);
    expect(t.stderr()).toBe('This file is not a backprop-bot model (format "keras").\n');
  });

  it('explains a diverged run and exits 1', async () => {
    const t = memoryIO();
    const code = await main(['train', '--dataset', 'spiral', '--hidden', '64,64,64', '--activation', 'relu', '--optimizer', 'sgd', '--lr', '10', '--epochs', '100', '--quiet'], t.io);
    expect(code).toBe(1);
    expect(t.stdout()).toMatch(/^Training diverged at epoch 1: the loss became [\d.e+]+\. The learning rate \(10\) is probably too high/);
    expect(t.stdout()).toContain('The network keeps its weights from epoch 0');
  });
});

describe('the cli process', () => {
  it('exits 2 with one line and no stack trace for a bad option', async () => {
    const run = promisify(execFile);
    const error = await run('npx', ['tsx', 'src/cli.ts', 'train', '--epochs=-5'], { cwd: process.cwd() }).catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('Invalid value for --epochs: a whole number from 1 to 100,000 (got "-5")');
    expect(error.stderr).not.toMatch(/\n\s+at /);
  });
});
