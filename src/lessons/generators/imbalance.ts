/** "imbalance": the accuracy trap on the (synthetic) stroke rows, and the recipe that escapes it. */
import { balancedClassWeights } from '../../engine/index.js';
import { textsFor } from '../content/index.js';
import type { Draft } from '../post.js';
import { formatters, type RenderContext } from './shared.js';
import { alwaysNo, binaryTestMetrics, confusionImage, rocImage, strokeRuns, syntheticNotice } from './stroke-runs.js';

export async function buildImbalance(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).imbalance;
  const f = formatters(ctx.locale);
  const { table, naive, recipe } = await strokeRuns();
  const everyone = alwaysNo(table.labels);
  const naiveTest = binaryTestMetrics(naive);
  const recipeTest = binaryTestMetrics(recipe);
  const [weightNo, weightYes] = balancedClassWeights(table.labels, 2);
  return [
    { text: text.trap({ baseline: f.pct(everyone.accuracy, 0) }) },
    {
      text: text.alwaysNo({
        rows: f.count(table.labels.length),
        positives: f.count(everyone.positives),
        rate: f.pct(everyone.positives / everyone.samples),
        accuracy: f.pct(everyone.accuracy),
        notice: syntheticNotice(recipe, ctx.locale),
      }),
    },
    {
      text: text.naive({
        testRows: f.count(naiveTest.samples),
        accuracy: f.pct(naiveTest.accuracy),
        baseline: f.pct(naiveTest.baselineAccuracy),
        recall: f.pct(naiveTest.recall),
        found: f.count(naiveTest.confusion[1][1]),
        positives: f.count(naiveTest.positives),
        auc: f.n(naiveTest.auc),
      }),
      images: [await confusionImage(naive, ctx.locale, ctx.theme, 'imbalance-naive-confusion.png', text.naiveAlt)],
    },
    { text: text.metrics },
    { text: text.fixes({ weightNo: f.n(weightNo, 2), weightYes: f.n(weightYes, 2), ratio: f.n(weightYes / weightNo, 0) }) },
    {
      text: text.balanced({
        accuracy: f.pct(recipeTest.accuracy),
        recall: f.pct(recipeTest.recall),
        precision: f.pct(recipeTest.precision),
        auc: f.n(recipeTest.auc),
        threshold: f.n(recipeTest.threshold),
        found: f.count(recipeTest.confusion[1][1]),
        positives: f.count(recipeTest.positives),
        falseAlarms: f.count(recipeTest.confusion[0][1]),
      }),
      images: [
        await confusionImage(recipe, ctx.locale, ctx.theme, 'imbalance-recipe-confusion.png', text.balancedAlt),
        await rocImage(recipe, ctx.locale, ctx.theme, 'imbalance-recipe-roc.png', text.rocAlt),
      ],
    },
    { text: text.rules },
  ];
}
