import { transformTable, type TabularDataset } from '../data/index.js';
import type { Locale } from '../locales/index.js';
import { createNetwork, type Network } from '../engine/index.js';
import { renderRunImages, renderTrainingGif, type RunImage, type RunImagesInput } from '../render/index.js';
import { testRocPoints, traceValidationExample, type TrainingRun } from './run.js';

/** Points drawn over a decision boundary: enough to show the data, few enough to stay legible. */
const MAX_BOUNDARY_POINTS = 1_000;

/**
 * The renderers' inputs from a finished run: loss curves, the network (and one validation row
 * traced through it), the decision boundary for 2-D data, the test confusion matrix and, for binary
 * tasks, the test ROC curve. Predictions over the boundary grid go through the run's preprocessing,
 * so the picture shows what the saved model would answer for raw inputs.
 */
export function runImagesInput(run: TrainingRun): RunImagesInput {
  const { model, table } = run;
  const training = model.training;
  const input: RunImagesInput = {
    history: {
      trainLoss: training.history.trainLoss,
      ...(training.history.validationLoss.length > 0 ? { validationLoss: training.history.validationLoss } : {}),
      bestEpoch: training.bestEpoch,
      stoppedEpoch: training.epochsRun,
      earlyStopped: training.status === 'early-stopped',
    },
    network: model.network,
    featureNames: model.preprocessing.featureNames,
    classNames: table.meta.classNames,
    confusion: run.test.metrics.confusion,
  };
  if (training.epochsRun > 0) {
    const { trace } = traceValidationExample(run);
    input.sample = { activations: [trace.input, ...trace.layers.map((l) => l.a)], deltas: trace.layers.map((l) => l.delta) };
  }
  const roc = testRocPoints(run);
  if (roc && Number.isFinite(run.test.metrics.auc)) {
    input.roc = { points: roc, auc: run.test.metrics.auc, ...(table.meta.classNames[1] ? { positiveClass: table.meta.classNames[1] } : {}) };
  }
  const boundary = boundaryOf(run, model.network);
  if (boundary) input.boundary = boundary;
  return input;
}

/** The decision boundary of `network` (the run's, or a snapshot of it) over the run's 2-D data. */
function boundaryOf(run: TrainingRun, network: Network): RunImagesInput['boundary'] {
  const { model, table } = run;
  const [a, b] = table.columns;
  if (table.columns.length !== 2 || a.kind !== 'numeric' || b.kind !== 'numeric') return undefined;
  const step = Math.max(1, Math.ceil(table.labels.length / MAX_BOUNDARY_POINTS));
  const rows: number[] = [];
  for (let i = 0; i < table.labels.length; i += step) rows.push(i);
  const x = new Float64Array(rows.length * 2);
  rows.forEach((row, i) => {
    x[2 * i] = a.values[row];
    x[2 * i + 1] = b.values[row];
  });
  const labels = Int32Array.from(rows, (row) => table.labels[row]);
  const predict = (points: Float64Array, n: number) => {
    const grid: TabularDataset = {
      columns: [
        { name: a.name, kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => points[2 * i]) },
        { name: b.name, kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => points[2 * i + 1]) },
      ],
      labels: new Int32Array(n),
      target: table.target,
      meta: table.meta,
    };
    return network.predict(transformTable(model.preprocessing, grid)).data;
  };
  return { predict, points: { x, labels } };
}

/** Every picture of a run, labelled in the requester's language. */
export function renderTrainingImages(run: TrainingRun, locale: Locale): Promise<RunImage[]> {
  return renderRunImages(runImagesInput(run), { locale });
}

/** Frames of the animation kept by default: smooth enough to see the boundary form, small enough for Discord. */
export const ANIMATION_FRAMES = 30;

/**
 * The decision boundary forming over training, as an animated GIF (2-D runs trained with
 * `snapshots`); undefined when the run has no snapshots or no boundary to draw.
 */
export async function renderTrainingAnimation(run: TrainingRun, locale: Locale): Promise<Buffer | undefined> {
  const { model, table } = run;
  if (model.snapshots.length < 2) return undefined;
  const first = boundaryOf(run, model.network);
  if (!first) return undefined;
  const frames = model.snapshots.map((snapshot) => {
    const network = createNetwork(model.network.spec);
    network.restore(snapshot.params);
    return { epoch: snapshot.epoch, loss: snapshot.trainLoss, predict: boundaryOf(run, network)!.predict };
  });
  return renderTrainingGif(frames, {
    locale,
    kind: 'boundary',
    data: { points: first.points, classNames: table.meta.classNames, featureNames: table.columns.map((c) => c.name) },
    classNames: table.meta.classNames,
    featureNames: table.columns.map((c) => c.name),
  });
}
