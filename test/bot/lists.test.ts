import { describe, expect, it } from 'vitest';
import { fitLines, jobsMessage, leaderboardMessage, modelsMessage, settingsText, runSettings } from '../../src/bot/lists.js';
import { helpMessage } from '../../src/bot/help.js';
import type { JobInfo, StoredModelMeta } from '../../src/jobs/index.js';

const summary = (auc: number, shape = '21-16-1', synthetic = true) =>
  ({
    dataset: { name: 'stroke', rows: 5110, features: 21, classes: ['no stroke', 'stroke'], synthetic },
    network: { shape, parameters: 369 },
    settings: { hidden: [16], activation: 'tanh', optimizer: 'adam', learningRate: 0.01, epochs: 40, batchSize: 64, l2: 0.02, balance: 'class-weights' },
    training: { status: 'early-stopped', epochsRun: 23, bestEpoch: 15, weightsEpoch: 15, elapsedMs: 900 },
    split: { train: 3000, validation: 1000, test: 1022 },
    metrics: { loss: 0.4, accuracy: 0.7, auc, recall: 0.78, precision: 0.1, f1: 0.2, baselineAccuracy: 0.95, samples: 1022, confusion: [[1, 2], [3, 4]] },
  }) as StoredModelMeta['summary'];

const model = (id: string, userId: string, auc = 0.8, dataset = 'stroke'): StoredModelMeta => ({
  modelId: id,
  jobId: id,
  owner: { userId, guildId: 'g', channelId: 'c', locale: 'en' },
  dataset,
  builtin: true,
  summary: summary(auc),
  imageNames: [],
  createdAt: 1_700_000_000_000,
  expiresAt: 1_800_000_000_000,
});

const job = (over: Partial<JobInfo>): JobInfo => ({ jobId: 'j1', state: 'waiting', dataset: 'xor', requestedAt: 1_700_000_000_000, attemptsMade: 0, ...over });

describe('fitLines', () => {
  it('keeps whole lines and counts the rest', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const text = fitLines('header', lines, 'footer', 'en', 500);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text.startsWith('header\nline 0 ')).toBe(true);
    expect(text).toMatch(/…and \d+ more\.\nfooter$/);
    expect(fitLines('h', ['a', 'b'], '', 'en')).toBe('h\na\nb');
  });
});

describe('/jobs', () => {
  it('shows state, position and progress, with a Cancel button per job', () => {
    const body = jobsMessage(
      [
        job({ jobId: 'a1', state: 'active', dataset: 'spiral', progress: { phase: 'training', epoch: 50, epochs: 200, etaMs: 1000, elapsedMs: 10 } }),
        job({ jobId: 'b2', state: 'waiting', position: 2 }),
      ],
      'en',
    );
    expect(body.content).toContain('1. `a1` · **spiral** · running: epoch 50/200 `███░░░░░░░` 25%');
    expect(body.content).toContain('2. `b2` · **xor** · queued, position 2');
    expect(body.content).toContain('<t:1700000000:R>');
    const buttons = (body.components[0]?.components ?? []) as { custom_id?: string; label?: string }[];
    expect(buttons.map((b) => [b.custom_id, b.label])).toEqual([
      ['cancel:a1', 'Cancel #1'],
      ['cancel:b2', 'Cancel #2'],
    ]);
    expect(jobsMessage([], 'pt-BR')).toEqual({ content: 'Você não tem treinos na fila nem em andamento. Comece um com `/treinar`.', components: [] });
  });
});

describe('/models list', () => {
  it("lists the user's models, then others' on the server once each", () => {
    const mine = [model('m1', 'u1', 0.81)];
    const guild = [model('m1', 'u1', 0.81), model('g2', 'u2', 0.7, 'xor')];
    const text = modelsMessage({ mine, guild, userId: 'u1', ttlDays: 30, locale: 'en' });
    expect(text).toContain('**Your models** (1):\n`m1` · **stroke** · AUC 0.810 · recall 0.780 · <t:1700000000:R>');
    expect(text).toContain('**Other models on this server** (1):\n`g2` · **xor** · AUC 0.700 · recall 0.780 · <t:1700000000:R> · <@u2>');
    expect(text.match(/`m1`/g)).toHaveLength(1);
    expect(modelsMessage({ mine: [], guild: [], userId: 'u1', ttlDays: 30, locale: 'pt-BR' })).toContain('Ainda não há modelos');
  });

  it('stays within 2,000 characters with many models', () => {
    const many = Array.from({ length: 50 }, (_, i) => model(`id-${i}-${'x'.repeat(10)}`, 'u1'));
    expect(modelsMessage({ mine: many, guild: null, userId: 'u1', ttlDays: 30, locale: 'en' }).length).toBeLessThanOrEqual(2000);
  });
});

describe('/leaderboard', () => {
  it('reads the settings of a run from its stored summary', () => {
    const settings = runSettings(model('a', 'u1'));
    expect(settings).toEqual({ hidden: [16], activation: 'tanh', epochsRun: 23, epochs: 40, optimizer: 'adam', learningRate: 0.01, balance: 'class-weights' });
    expect(settingsText(settings, 'en')).toBe('hidden 16 tanh · epochs 23/40 · adam lr 0.01 · balance class-weights');
  });

  it('ranks with medals, names who trained each run, and flags synthetic data', () => {
    const rows = [model('a', 'u1', 0.84), model('b', 'u2', 0.8)].map((meta, i) => ({ rank: i + 1, auc: meta.summary.metrics.auc ?? 0, meta, settings: { hidden: [16], epochsRun: 23 } }));
    const text = leaderboardMessage(rows, 'en');
    expect(text).toContain('🥇 **AUC 0.840** · recall 0.780 · <@u1> · `a`\n   hidden 16 · epochs 23');
    expect(text).toContain('🥈 **AUC 0.800**');
    expect(text).toContain('SYNTHETIC DATA');
    expect(leaderboardMessage([], 'pt-BR')).toContain('/treinar dados:stroke');
  });
});

describe('/help', () => {
  it('has an example for every command, in each language, within one message', () => {
    for (const locale of ['en', 'pt-BR'] as const) {
      const text = helpMessage(locale, { strokeCsvConfigured: false });
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(text).toContain('npm start');
    }
    const en = helpMessage('en', { strokeCsvConfigured: false });
    for (const name of ['/train', '/jobs', '/cancel', '/models', '/predict', '/leaderboard', '/explain', '/demo', '/help']) expect(en).toContain('`' + name);
    expect(en).toContain('synthetic');
    const pt = helpMessage('pt-BR', { strokeCsvConfigured: true });
    for (const name of ['/treinar', '/treinos', '/cancelar', '/modelos', '/prever', '/ranking', '/explicar', '/ajuda']) expect(pt).toContain('`' + name);
    expect(pt).toContain('fedesoriano');
  });
});
