/**
 * Structural inputs of the renderers. The engine's objects satisfy these shapes without render
 * importing the engine: pictures depend on plain data, so they can be drawn from a saved model, a
 * test fixture or a job result alike.
 */
import type { Locale } from '../locales/index.js';

export type { Locale };
export type Theme = 'dark' | 'light';

/** Options every renderer takes. */
export interface RenderOptions {
  /** Language of every label on the picture. */
  locale: Locale;
  /** Discord's dark theme (default) or light theme; the picture has an opaque background either way. */
  theme?: Theme;
  /** Width of the image in pixels. Layout and text scale with it, so a smaller image looks the same, only smaller. */
  width?: number;
  /** Height of the image in pixels (defaults keep each picture's own aspect ratio). */
  height?: number;
}

/** One dense layer, as the engine stores it. */
export interface LayerLike {
  inputs: number;
  units: number;
  /** Activation name, e.g. "tanh", "sigmoid", "relu", "softmax". */
  activation: string;
  /** Row-major [inputs x units]: the weight from input i to unit j is weights[i * units + j]. */
  weights: ArrayLike<number>;
  /** One bias per unit. */
  biases: ArrayLike<number>;
}

/** A feed-forward network of dense layers. */
export interface NetworkLike {
  inputs: number;
  layers: ReadonlyArray<LayerLike>;
}

/**
 * Class probabilities for a batch of 2-D points.
 * `points` is row-major n x 2. The result is either n values (binary: the probability of class 1)
 * or n x k values, row-major (k classes, each row summing to 1). The renderer tells the two apart
 * by the result's length, so one signature serves sigmoid and softmax networks.
 */
export type PredictProbabilities = (points: Float64Array, n: number) => ArrayLike<number>;

/** Labelled 2-D points to draw over a decision boundary. */
export interface PointSet {
  /** Row-major n x 2 feature values. */
  x: ArrayLike<number>;
  /** Class index per point. */
  labels: ArrayLike<number>;
}

/** Everything a decision-boundary picture needs. */
export interface BoundaryInput {
  predict: PredictProbabilities;
  points: PointSet;
  /** One name per class; index = label. */
  classNames: readonly string[];
  /** Names of the two features, for the axes (x first). */
  featureNames?: readonly [string, string] | readonly string[];
  /** The region to colour; defaults to the points' extent plus a margin. */
  domain?: Domain2D;
}

export interface Domain2D {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Loss per epoch, as the training loop records it. */
export interface LossHistory {
  /** Training loss after each epoch; index 0 is epoch 1. */
  trainLoss: ArrayLike<number>;
  /** Validation loss after each epoch, when a validation split was held out. */
  validationLoss?: ArrayLike<number>;
  /** 1-based epoch with the lowest validation loss (the weights that were kept). */
  bestEpoch?: number;
  /** 1-based epoch at which training stopped. */
  stoppedEpoch?: number;
  /** True when training stopped because validation loss stopped improving. */
  earlyStopped?: boolean;
}

/** Values of every neuron for one chosen sample, from a forward/backward trace. */
export interface NeuronValues {
  /** Per layer including the input layer: activations[0] are the inputs, activations[l+1] the outputs of layer l. */
  activations?: ReadonlyArray<ArrayLike<number>>;
  /** Per non-input layer: dL/dz of each unit (its share of the blame for the error). */
  deltas?: ReadonlyArray<ArrayLike<number>>;
}

/** One point of a ROC curve. */
export interface RocPoint {
  fpr: number;
  tpr: number;
}

export interface RocInput {
  /** Points from (0,0) to (1,1), in increasing fpr. */
  points: readonly RocPoint[];
  /** Area under the curve, as the engine's metrics computed it. */
  auc: number;
  /** Name of the positive class, shown in the title. */
  positiveClass?: string;
}

export interface ConfusionInput {
  /** counts[actual][predicted]. */
  counts: ReadonlyArray<ArrayLike<number>>;
  classNames: readonly string[];
}

/** A snapshot of the model at one epoch, for the animation. */
export interface TrainingFrame {
  /** 1-based epoch the snapshot was taken after. */
  epoch: number;
  /** The weights at that epoch (for the weights animation). */
  network?: NetworkLike;
  /** The model's predictions at that epoch (for the decision-boundary animation). */
  predict?: PredictProbabilities;
  /** Optional loss at that epoch, shown beside the epoch number. */
  loss?: number;
}
