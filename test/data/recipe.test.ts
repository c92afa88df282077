import { describe, expect, it } from 'vitest';
import { loadModel, saveModel } from '../../src/engine/index.js';
import { explainPrediction } from '../../src/data/predict.js';
import { parsePreprocessing } from '../../src/data/preprocess.js';
import { crossValidate, defaultRecipe, holdoutEvaluate, STROKE_RECIPE } from '../../src/data/recipe.js';
import { loadDataset } from '../../src/data/registry.js';
import { syntheticStroke } from '../../src/data/stroke.js';

describe('the stroke recipe on synthetic rows', () => {
  it('cross-validates with means, per-fold values and the always-"no" baseline', async () => {
    const table = syntheticStroke({ size: 2000, seed: 5 });
    const cv = await crossValidate(table, { folds: 3, seed: 2, recipe: { ...STROKE_RECIPE, epochs: 15 } });
    expect(cv.perFold).toHaveLength(3);
    expect(cv.mean.auc).toBeCloseTo(cv.perFold.reduce((s, f) => s + f.auc, 0) / 3, 12);
    expect(cv.mean.auc).toBeGreaterThan(0.7);
    expect(cv.mean.recall).toBeGreaterThan(0.5);
    expect(cv.mean.baselineAccuracy).toBeGreaterThan(0.93);
    expect(cv.perFold.reduce((s, f) => s + f.samples, 0)).toBe(2000);
  });

  it('gives the same numbers for the same seed', async () => {
    const table = syntheticStroke({ size: 800, seed: 1 });
    const recipe = { ...STROKE_RECIPE, epochs: 5 };
    const a = await crossValidate(table, { folds: 2, seed: 4, recipe });
    const b = await crossValidate(table, { folds: 2, seed: 4, recipe });
    expect(a.mean).toEqual(b.mean);
  });
});

describe('a saved model explains a prediction', () => {
  it('gives the probability and the columns that pushed it most, after a save/load round trip', async () => {
    const table = syntheticStroke({ size: 1500, seed: 2 });
    const { model, test } = await holdoutEvaluate(table, { seed: 1, recipe: { ...defaultRecipe(table), epochs: 10 } });
    expect(test.samples).toBe(300);
    const file = JSON.parse(JSON.stringify(saveModel(model.network, { preprocessing: model.preprocessing, metadata: { threshold: model.threshold } })));
    const loaded = loadModel(file);
    const prep = parsePreprocessing(loaded.preprocessing);
    const patient = { gender: 'Male', age: 79, hypertension: 1, heart_disease: 1, ever_married: 'Yes', work_type: 'Private', Residence_type: 'Urban', avg_glucose_level: 230, bmi: 31, smoking_status: 'formerly smoked' };
    const old = explainPrediction(loaded.network, prep, patient, { threshold: model.threshold });
    const young = explainPrediction(loaded.network, prep, { ...patient, age: 25, hypertension: 0, heart_disease: 0, avg_glucose_level: 85 }, { threshold: model.threshold });
    expect(old.probability).toBeGreaterThan(young.probability);
    expect(old.className).toBe('stroke');
    expect(old.contributions).toHaveLength(10);
    expect(old.contributions[0].column).toBe('age');
    expect(old.contributions[0].attribution).toBeGreaterThan(0);
    expect(Math.abs(old.contributions[0].attribution)).toBeGreaterThanOrEqual(Math.abs(old.contributions[9].attribution));
    const odd = explainPrediction(loaded.network, prep, { ...patient, gender: 'Robot' });
    expect(odd.notes.map((n) => n.key)).toEqual(['data.input.unknownCategory']);
  });
});

describe('the generic recipe', () => {
  it('learns iris (3 classes) with a softmax output', async () => {
    const table = await loadDataset('iris');
    const { test, model } = await holdoutEvaluate(table, { seed: 3 });
    expect(model.network.outputs).toBe(3);
    expect(test.accuracy).toBeGreaterThan(0.85);
  });
});

describe('wantsSnapshot', () => {
  it('keeps the first and last epochs and evenly spaced ones between', async () => {
    const { wantsSnapshot } = await import('../../src/data/recipe.js');
    const kept = (epochs: number, count: number) => Array.from({ length: epochs }, (_, i) => i + 1).filter((e) => wantsSnapshot(e, epochs, count));
    expect(kept(5, 3)).toEqual([1, 3, 5]);
    expect(kept(300, 40)).toHaveLength(40);
    expect(kept(300, 40).at(-1)).toBe(300);
    expect(kept(10, 40)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(kept(10, 0)).toEqual([]);
  });
});
