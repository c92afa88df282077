/** Every picture that applies to one training run, named for attachments and files. */
import { renderConfusionMatrix } from './confusion-matrix.js';
import { renderDecisionBoundary } from './decision-boundary.js';
import { renderLossCurve } from './loss-curve.js';
import { renderNetworkDiagram } from './network-diagram.js';
import { renderRocCurve } from './roc-curve.js';
import type { BoundaryInput, LossHistory, NetworkLike, NeuronValues, RenderOptions, RocInput } from './types.js';

/** What a run can offer; each picture is drawn only when its inputs are there. */
export interface RunImagesInput {
  history?: LossHistory;
  network?: NetworkLike;
  featureNames?: readonly string[];
  classNames?: readonly string[];
  /** For datasets with two features: the model's predictions and the points to draw. */
  boundary?: Omit<BoundaryInput, 'classNames' | 'featureNames'>;
  /** counts[actual][predicted] on the evaluation split. */
  confusion?: ReadonlyArray<ArrayLike<number>>;
  /** Binary runs: the curve's points and AUC, both from the engine (rocCurve, rocAuc). */
  roc?: RocInput;
  /** One sample's trace, for the activation view of the network. */
  sample?: NeuronValues;
}

export type RunImageName = 'loss-curve' | 'network' | 'network-activations' | 'decision-boundary' | 'confusion-matrix' | 'roc-curve';

export interface RunImage {
  name: RunImageName;
  /** e.g. "loss-curve.png": the attachment name and the file name under --out. */
  filename: string;
  png: Buffer;
}

/**
 * The run's pictures, in a fixed order (loss, network, boundary, confusion, ROC).
 * The animation is not included: it needs snapshots taken during training (see renderTrainingGif).
 */
export async function renderRunImages(run: RunImagesInput, options: RenderOptions): Promise<RunImage[]> {
  const images: RunImage[] = [];
  const add = async (name: RunImageName, render: () => Promise<Buffer>) => {
    images.push({ name, filename: `${name}.png`, png: await render() });
  };
  const names = {
    ...(run.featureNames ? { featureNames: run.featureNames } : {}),
    ...(run.classNames ? { classNames: run.classNames } : {}),
  };
  const classNames = run.classNames ?? [];

  const { history, network, boundary, confusion, roc, sample } = run;
  if (history && history.trainLoss.length > 0) await add('loss-curve', () => renderLossCurve(history, options));
  if (network) {
    await add('network', () => renderNetworkDiagram(network, { ...options, ...names }));
    if (sample?.activations) {
      await add('network-activations', () => renderNetworkDiagram(network, { ...options, ...names, view: 'activations', sample }));
    }
  }
  if (boundary) {
    await add('decision-boundary', () =>
      renderDecisionBoundary({ ...boundary, classNames, ...(run.featureNames ? { featureNames: run.featureNames } : {}) }, options),
    );
  }
  if (confusion && confusion.length > 0) await add('confusion-matrix', () => renderConfusionMatrix({ counts: confusion, classNames }, options));
  if (roc) {
    const positiveClass = roc.positiveClass ?? classNames[1];
    await add('roc-curve', () => renderRocCurve({ points: roc.points, auc: roc.auc, ...(positiveClass ? { positiveClass } : {}) }, options));
  }
  return images;
}
