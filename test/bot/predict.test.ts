import { describe, expect, it } from 'vitest';
import { explainPrediction } from '../../src/data/index.js';
import { predictionMessage } from '../../src/bot/predict-message.js';
import { bundledStrokeModel, canSeeModel, latestStrokeModel } from '../../src/bot/predict-model.js';
import { strokeRecord } from '../../src/bot/stroke-input.js';
import type { StoredModelMeta } from '../../src/jobs/index.js';

/** A stored model's meta with only the fields these rules read. */
const meta = (over: Partial<StoredModelMeta>): StoredModelMeta =>
  ({ modelId: 'm', jobId: 'm', dataset: 'stroke', builtin: true, owner: { userId: 'u1', guildId: 'g1', channelId: 'c', locale: 'en' }, ...over }) as StoredModelMeta;

describe('the bundled stroke model', () => {
  it('is trained once, even when asked for concurrently, on synthetic data', async () => {
    const [a, b] = await Promise.all([bundledStrokeModel(), bundledStrokeModel()]);
    expect(a).toBe(b);
    expect(await bundledStrokeModel()).toBe(a);
    expect(a.synthetic).toBe(true);
    expect(a.source).toEqual({ kind: 'bundled' });
    expect(a.auc).toBeGreaterThan(0.7);
    expect(a.threshold).toBeGreaterThan(0);
    expect(a.threshold).toBeLessThan(1);
  });

  it('rates an old patient with hypertension and high glucose above a child', async () => {
    const model = await bundledStrokeModel();
    const p = (options: Parameters<typeof strokeRecord>[0]) => explainPrediction(model.network, model.preprocessing, strokeRecord(options), { threshold: model.threshold }).probability;
    expect(p({ age: 80, hypertension: true, 'heart-disease': true, glucose: 240 })).toBeGreaterThan(p({ age: 8, 'work-type': 'children', glucose: 85 }));
  });
});

describe('predictionMessage', () => {
  it('gives the probability, band, top 3 inputs, the synthetic warning and the disclaimer', async () => {
    const model = await bundledStrokeModel();
    const explanation = explainPrediction(model.network, model.preprocessing, strokeRecord({ age: 67, hypertension: true, glucose: 210 }), { threshold: model.threshold });
    const text = predictionMessage({ explanation, source: model.source, auc: model.auc, recall: model.recall, synthetic: true, locale: 'en' });
    expect(text).toMatch(new RegExp(`^🩺 Stroke risk band: \\*\\*(low|moderate|high)\\*\\* · P\\(stroke\\) = \\*\\*${explanation.probability.toFixed(3)}\\*\\*`));
    expect(text.split('\n').filter((line) => /^[▲▼] /.test(line))).toHaveLength(3);
    expect(text).toContain('SYNTHETIC DATA');
    expect(text).toContain('Not given, so the model used typical training values: gender, heart-disease');
    expect(text.trimEnd().endsWith('⚠️ Educational demo, not medical advice.')).toBe(true);
    const pt = predictionMessage({ explanation, source: model.source, auc: model.auc, recall: model.recall, synthetic: true, locale: 'pt-BR' });
    expect(pt).toContain(`P(AVC) = **${explanation.probability.toFixed(3).replace('.', ',')}**`);
    expect(pt).toContain('não é aconselhamento médico');
    expect(pt).toMatch(/[▲▼] (idade|hipertensao|glicose) = /);
    expect(text.length).toBeLessThanOrEqual(2000);
  });
});

describe('which models a user may use', () => {
  it('their own, and their guild\'s', () => {
    expect(canSeeModel(meta({}), { userId: 'u1' })).toBe(true);
    expect(canSeeModel(meta({}), { userId: 'u2', guildId: 'g1' })).toBe(true);
    expect(canSeeModel(meta({}), { userId: 'u2', guildId: 'g2' })).toBe(false);
    expect(canSeeModel(meta({ owner: { userId: 'u1', channelId: 'c', locale: 'en' } }), { userId: 'u2' })).toBe(false);
  });

  it('the latest stroke model skips uploads and other datasets', () => {
    const list = [meta({ modelId: 'a', dataset: 'xor' }), meta({ modelId: 'b', dataset: 'stroke', builtin: false }), meta({ modelId: 'c' }), meta({ modelId: 'd' })];
    expect(latestStrokeModel(list)?.modelId).toBe('c');
    expect(latestStrokeModel([])).toBeUndefined();
  });
});
