/**
 * The backprop engine: dense networks, backpropagation, optimizers, metrics, introspection and
 * save/load. Pure TypeScript over typed arrays: no I/O, no Discord, no Redis.
 */
export { ACTIVATIONS, getActivation, sigmoid, type Activation, type ActivationName } from './activations.js';
export { LOSSES, getLoss, type Loss, type LossName } from './losses.js';
export { allocate, convert, fromRows, toRows, type DType, type Floats, type Matrix } from './matrix.js';
export { createNetwork, Network, type DenseLayer } from './network.js';
export { OPTIMIZERS, createOptimizer, optimizerSpecSchema, type OptimizerKind, type OptimizerSpec, type OptimizerSpecInput } from './optimizers.js';
export { createRng, type Rng } from './prng.js';
export { layerSpecSchema, networkSpecSchema, normalizeSpec, MAX_UNITS, type LayerSpec, type NetworkSpec, type NetworkSpecInput } from './spec.js';
export {
  balancedClassWeights,
  classesOfTargets,
  targetsFromLabels,
  train,
  type EpochReport,
  type TrainData,
  type TrainOptions,
  type TrainResult,
  type TrainStatus,
} from './train.js';
export {
  argmaxRows,
  binaryMetrics,
  chooseThreshold,
  confusionMatrix,
  multiclassMetrics,
  prAuc,
  rocAuc,
  rocCurve,
  type BinaryMetrics,
  type MulticlassMetrics,
  type ThresholdObjective,
} from './metrics.js';
export { inputAttributions, inputGradient, traceSample, type LayerTrace, type SampleTrace } from './introspect.js';
export { loadModel, saveModel, MODEL_FORMAT, MODEL_VERSION, modelFileSchema, type LoadedModel, type ModelFile, type SaveOptions } from './serialize.js';
