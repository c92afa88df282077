import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledStrokeModel } from '../../src/bot/predict-model.js';
import { strokeRecord } from '../../src/bot/stroke-input.js';
import { explainPrediction, parsePreprocessing } from '../../src/data/index.js';
import type { CommandOptionInput, SandboxUser } from '../../src/sandbox/index.js';
import { showConversation } from './conversation.js';
import { startWorld, type World } from './harness.js';

/**
 * /predict, /models and /leaderboard around one real stroke training (a short one: 5 epochs on the
 * synthetic rows, run by the real worker).
 */
let world: World;
let ana: SandboxUser;
let bruno: SandboxUser;
let admin: SandboxUser;
beforeAll(async () => {
  world = await startWorld();
  ana = world.discord.createUser({ username: 'ana' });
  bruno = world.discord.createUser({ username: 'bruno', locale: 'pt-BR' });
  admin = world.discord.createUser({ username: 'mod', permissions: ['ManageGuild'] });
}, 60_000);
afterAll(async () => {
  if (world) showConversation(world.discord, '/predict, /models, /leaderboard');
  await world?.close();
});

const PATIENT = { age: 67, hypertension: true, glucose: 210.5, smoking: 'formerly smoked' } as const;
const patientOptions: CommandOptionInput[] = [
  { name: 'age', type: 10, value: PATIENT.age },
  { name: 'hypertension', type: 5, value: PATIENT.hypertension },
  { name: 'glucose', type: 10, value: PATIENT.glucose },
  { name: 'smoking', type: 3, value: PATIENT.smoking },
];

/** Runs a command and resolves with its reply once it is no longer "thinking...". */
async function run(user: SandboxUser, name: string, options: CommandOptionInput[] = []) {
  const { discord } = world;
  const handle = discord.sendCommand({ user, name, options });
  const response = await handle.waitForResponse();
  expect(response.ackMs).toBeLessThan(3000);
  const reply = await discord.waitFor(() => {
    const original = handle.original();
    if (original && !original.deleted && (original.flags & 128) === 0) return original;
    return handle.followUps[0];
  }, 20_000);
  return { handle, reply };
}

/** The probability the reply shows ("P(stroke) = **0.234**", or "P(AVC) = **0,234**" in pt-BR). */
const shownProbability = (content: string) => Number(/P\([^)]+\) = \*\*(\d[.,]\d{3})\*\*/.exec(content)?.[1]?.replace(',', '.'));

let modelId = '';

describe('/predict, /models and /leaderboard end to end', () => {
  it('predicts with the bundled synthetic model while the server has no stroke run', async () => {
    const { reply } = await run(ana, 'predict', patientOptions);
    expect(reply.flags & 64).toBe(64);
    const bundled = await bundledStrokeModel();
    const expected = explainPrediction(bundled.network, bundled.preprocessing, strokeRecord(PATIENT), { threshold: bundled.threshold });
    const shown = shownProbability(reply.content);
    expect(shown).toBeGreaterThanOrEqual(0);
    expect(shown).toBeLessThanOrEqual(1);
    expect(Math.abs(shown - expected.probability)).toBeLessThanOrEqual(0.0005);
    expect(reply.content).toContain('The bundled demo model (trained on synthetic data');
    expect(reply.content).toContain('SYNTHETIC DATA');
    expect(reply.content.split('\n').filter((line) => /^[▲▼] /.test(line))).toHaveLength(3);
    expect(reply.content).toMatch(/⚠️ Educational demo, not medical advice\.$/);
    expect(world.discord.violations).toEqual([]);
  });

  it('shows an empty leaderboard with how to get on it', async () => {
    const { reply } = await run(ana, 'leaderboard');
    expect(reply.flags & 64).toBe(0);
    expect(reply.content).toContain('No stroke runs on this server yet');
  });

  it('predicts with the server\'s latest stroke model once one is trained, matching the engine', async () => {
    const { discord } = world;
    const train = discord.sendCommand({ user: ana, name: 'train', options: [{ name: 'dataset', type: 3, value: 'stroke' }, { name: 'epochs', type: 4, value: 5 }] });
    const done = await discord.waitFor(() => {
      const message = train.original();
      return message?.content.startsWith('✅') ? message : undefined;
    }, 45_000);
    modelId = /`([^`]+)`/.exec(done.content)?.[1] ?? '';
    expect(modelId).not.toBe('');

    const { reply } = await run(ana, 'predict', patientOptions);
    expect(reply.content).toContain(`Model \`${modelId}\` (this server's latest stroke run, by <@${ana.user.id}>)`);
    const loaded = await world.bot.ctx.store.loadModel(modelId);
    expect(loaded).not.toBeNull();
    const threshold = loaded?.metadata.threshold as number;
    const expected = explainPrediction(loaded!.network, parsePreprocessing(loaded!.preprocessing), strokeRecord(PATIENT), { threshold });
    expect(Math.abs(shownProbability(reply.content) - expected.probability)).toBeLessThanOrEqual(0.0005);
    expect(reply.content).toContain(`threshold ${threshold.toFixed(3)}`);
    // Top input names are the options' names, never the CSV's (avg_glucose_level).
    expect(reply.content).not.toContain('avg_glucose_level');
    expect(world.discord.violations).toEqual([]);
  }, 60_000);

  it('answers in Portuguese, and refuses an unknown model id privately, saying where ids are', async () => {
    const pt = await run(bruno, 'predict', [{ name: 'model', type: 3, value: modelId }, ...patientOptions]);
    expect(pt.reply.content).toMatch(/Faixa de risco de AVC: \*\*(baixa|moderada|alta)\*\* · P\(AVC\) = \*\*\d,\d{3}\*\*/);
    expect(pt.reply.content).toContain('Demonstração educacional, não é aconselhamento médico.');
    const unknown = await run(ana, 'predict', [{ name: 'model', type: 3, value: 'no-such-model' }]);
    expect(unknown.reply.flags & 64).toBe(64);
    expect(unknown.reply.content).toContain('There is no model `no-such-model`');
    expect(unknown.reply.content).toContain('/models list');
  });

  it('lists models for their owner and for the rest of the server, and exports one as JSON', async () => {
    const mine = await run(ana, 'models', [{ name: 'list', type: 1 }]);
    expect(mine.reply.flags & 64).toBe(64);
    expect(mine.reply.content).toMatch(new RegExp(`\\*\\*Your models\\*\\* \\(1\\):\\n\`${modelId}\` · \\*\\*stroke\\*\\* · AUC 0\\.\\d{3}`));
    const others = await run(bruno, 'models', [{ name: 'list', type: 1 }]);
    expect(others.reply.content).toContain('nenhum ainda');
    expect(others.reply.content).toContain(`\`${modelId}\``);
    expect(others.reply.content).toContain(`<@${ana.user.id}>`);

    const exported = await run(bruno, 'models', [{ name: 'export', type: 1, options: [{ name: 'model', type: 3, value: modelId }] }]);
    const file = exported.reply.attachments.find((a) => a.filename === `${modelId}.json`);
    expect(file).toBeDefined();
    const json = JSON.parse(file!.data.toString('utf8')) as { format: string; metadata: { dataset: string } };
    expect(json.format).toBe('backprop-bot.model');
    expect(json.metadata.dataset).toBe('stroke');
    expect(world.discord.violations).toEqual([]);
  });

  it('ranks the run on the public leaderboard with its settings and who trained it', async () => {
    const { reply } = await run(bruno, 'leaderboard');
    expect(reply.flags & 64).toBe(0);
    expect(reply.content).toContain('Melhores treinos de previsão de AVC');
    expect(reply.content).toMatch(new RegExp(`🥇 \\*\\*AUC 0\\.\\d{3}\\*\\* · recall \\d\\.\\d{3} · <@${ana.user.id}> · \`${modelId}\``));
    expect(reply.content).toMatch(/ocultas 16 tanh · épocas \d+(\/5)? · adam lr 0\.003 · balanço class-weights/);
  });

  it('lets only the owner or a member with Manage Server delete a model', async () => {
    const refused = await run(bruno, 'models', [{ name: 'delete', type: 1, options: [{ name: 'model', type: 3, value: modelId }] }]);
    expect(refused.reply.content).toContain('Só quem treinou o modelo');
    const deleted = await run(admin, 'models', [{ name: 'delete', type: 1, options: [{ name: 'model', type: 3, value: modelId }] }]);
    expect(deleted.reply.content).toBe(`🗑️ Model \`${modelId}\` deleted.`);
    expect(await world.bot.ctx.store.meta(modelId)).toBeNull();
    const after = await run(ana, 'models', [{ name: 'list', type: 1 }]);
    expect(after.reply.content).not.toContain(modelId);
    expect(world.discord.violations).toEqual([]);
  });
});
