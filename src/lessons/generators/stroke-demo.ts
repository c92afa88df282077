/** "stroke-demo": the bot's real stroke pipeline, step by step, on the synthetic rows. */
import { STROKE_RECIPE } from '../../data/index.js';
import { t } from '../../locales/index.js';
import { renderNetworkDiagram } from '../../render/index.js';
import { shapeOf } from '../../training/run.js';
import { textsFor } from '../content/index.js';
import type { Draft } from '../post.js';
import { strongestInputs } from '../staff.js';
import { formatters, lossCurveImage, type RenderContext } from './shared.js';
import { alwaysNo, binaryTestMetrics, confusionImage, rocImage, strokeRuns, syntheticNotice } from './stroke-runs.js';

export async function buildStrokeDemo(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).strokeDemo;
  const f = formatters(ctx.locale);
  const { table, recipe: run } = await strokeRuns();
  const { model } = run;
  const training = model.training;
  const test = binaryTestMetrics(run);
  const everyone = alwaysNo(table.labels);
  const bmi = table.columns.find((c) => c.name === 'bmi');
  const missingBmi = bmi && bmi.kind === 'numeric' ? bmi.values.filter((v) => Number.isNaN(v)).length : 0;
  const featureNames = model.preprocessing.featureNames;
  const top = strongestInputs(model.network, featureNames, 3)
    .map((input) => `\`${input.name}\` (${f.n(input.total, 2)})`)
    .join(', ');
  const history = training.history;
  const diagram = await renderNetworkDiagram(model.network, { locale: ctx.locale, theme: ctx.theme, featureNames, classNames: table.meta.classNames });
  return [
    { text: text.intro({ notice: syntheticNotice(run, ctx.locale) }) },
    {
      text: text.data({
        rows: f.count(table.labels.length),
        columns: table.columns.map((c) => `\`${c.name}\``).join(', '),
        positives: f.count(everyone.positives),
        rate: f.pct(everyone.positives / everyone.samples),
        missingBmi: f.count(missingBmi),
      }),
    },
    {
      text: text.preprocessing({
        test: f.count(run.test.rows.length),
        fit: f.count(model.fitRows.length),
        validation: f.count(model.validationRows.length),
        inputs: f.count(featureNames.length),
      }),
    },
    {
      text: text.network({
        shape: shapeOf(model),
        params: f.count(model.network.parameterCount()),
        hidden: f.count(STROKE_RECIPE.hidden[0].units),
        rate: f.setting(STROKE_RECIPE.optimizer.learningRate ?? 0.01),
        l2: f.setting(STROKE_RECIPE.l2),
        batch: f.count(STROKE_RECIPE.batchSize),
        epochs: f.count(STROKE_RECIPE.epochs),
        patience: f.count(STROKE_RECIPE.earlyStopping?.patience ?? 0),
      }),
      images: [{ filename: 'stroke-network.png', png: diagram, description: text.diagramAlt }],
    },
    {
      text: text.training({
        epochs: f.count(training.epochsRun),
        best: f.count(training.bestEpoch),
        valBest: f.n(history.validationLoss[training.bestEpoch - 1]),
        status: t(ctx.locale, `cli.train.status.${training.status}`),
      }),
      images: [
        await lossCurveImage(
          { trainLoss: history.trainLoss, validationLoss: history.validationLoss, bestEpoch: training.bestEpoch, stoppedEpoch: training.epochsRun, earlyStopped: training.status === 'early-stopped' },
          ctx,
          { filename: 'stroke-loss.png', description: text.curveAlt },
        ),
      ],
    },
    { text: text.threshold({ threshold: f.n(model.threshold) }) },
    {
      text: text.verdict({
        auc: f.n(test.auc),
        recall: f.pct(test.recall),
        precision: f.pct(test.precision),
        accuracy: f.pct(test.accuracy),
        baseline: f.pct(test.baselineAccuracy),
        found: f.count(test.confusion[1][1]),
        positives: f.count(test.positives),
        falseAlarms: f.count(test.confusion[0][1]),
      }),
      images: [
        await confusionImage(run, ctx.locale, ctx.theme, 'stroke-confusion.png', text.confusionAlt),
        await rocImage(run, ctx.locale, ctx.theme, 'stroke-roc.png', text.rocAlt),
      ],
    },
    { text: text.learned({ top }) },
    { text: text.limits },
  ];
}
