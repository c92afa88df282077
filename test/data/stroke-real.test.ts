/**
 * The stroke recipe on the real Kaggle file, read from STROKE_CSV (never copied into the project).
 * .ci/run sets STROKE_CSV=../shared/data/stroke.csv; without it this suite is skipped, and says so.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossValidate } from '../../src/data/recipe.js';
import { loadStroke } from '../../src/data/stroke.js';

const path = process.env.STROKE_CSV;
const available = path !== undefined && path !== '' && existsSync(path);
if (!available) console.warn(`stroke-real.test.ts: skipped, STROKE_CSV is ${path ? `"${path}", which does not exist` : 'not set'}`);

describe.skipIf(!available)('the default stroke recipe on the real file (STROKE_CSV)', () => {
  it('reaches ROC AUC >= 0.83 and recall >= 0.70 in 5-fold CV, thresholds chosen on validation rows', async () => {
    const table = await loadStroke({ env: process.env });
    expect(table.meta.synthetic).toBe(false);
    expect(table.labels.length).toBe(5110);
    const cv = await crossValidate(table, { folds: 5, seed: 1 });
    console.info(
      `stroke 5-fold CV: AUC ${cv.mean.auc.toFixed(3)}, recall ${cv.mean.recall.toFixed(3)}, precision ${cv.mean.precision.toFixed(3)}, ` +
        `F1 ${cv.mean.f1.toFixed(3)}, accuracy ${cv.mean.accuracy.toFixed(3)} (always "no": ${cv.mean.baselineAccuracy.toFixed(3)})`,
    );
    expect(cv.mean.auc).toBeGreaterThanOrEqual(0.83);
    expect(cv.mean.recall).toBeGreaterThanOrEqual(0.7);
    expect(cv.mean.baselineAccuracy).toBeCloseTo(0.951, 2);
  });
});
