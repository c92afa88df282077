import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_PATH, trainBundledModel } from '../../scripts/bundled-model.js';
import { bundledStrokeModel } from '../../src/bot/predict-model.js';

describe('the bundled stroke model', () => {
  it('is exactly what scripts/bundled-model.ts trains (if not: run it and commit the file)', async () => {
    const committed = JSON.parse(await readFile(BUNDLED_MODEL_PATH, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(await trainBundledModel())));
  });

  it('says it learned from generated rows, and predicts', async () => {
    const model = await bundledStrokeModel();
    expect(model.synthetic).toBe(true);
    expect(model.source).toEqual({ kind: 'bundled' });
    expect(model.auc).toBeGreaterThan(0.75);
    const p = model.network.predict({ rows: 1, cols: model.network.inputs, data: new Float64Array(model.network.inputs) }).data[0];
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });
});
