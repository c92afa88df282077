import { UserError } from '../errors.js';
import { allocate, convert, type Floats, type Matrix } from './matrix.js';
import { binaryMetrics, multiclassMetrics } from './metrics.js';
import type { Network } from './network.js';
import { createOptimizer, type OptimizerSpecInput } from './optimizers.js';
import { createRng } from './prng.js';

export interface TrainData {
  /** Inputs, rows x network inputs. */
  x: Matrix;
  /** Targets, rows x network outputs (0/1 column for binary, one-hot rows for softmax). */
  y: Matrix;
}

export interface EpochReport {
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** Mean (class-weighted) loss over the epoch's batches. */
  trainLoss: number;
  /** Loss on the validation data, when there is any. */
  validationLoss?: number;
  validationAccuracy?: number;
  /** ROC AUC on the validation data (binary tasks). */
  validationAuc?: number;
  elapsedMs: number;
}

export interface TrainOptions {
  /** Passes over the training data. */
  epochs: number;
  /** Samples per gradient step (default 32). */
  batchSize?: number;
  optimizer?: OptimizerSpecInput;
  /** L2 regularisation strength: adds l2/2 · Σw² to the loss (default 0). */
  l2?: number;
  /** One weight per class, multiplying each sample's loss (e.g. to make rare positives count). */
  classWeights?: readonly number[];
  /** Seed of the mini-batch shuffling (default 1). */
  seed?: number;
  /** Shuffle the rows every epoch (default true). */
  shuffle?: boolean;
  /** Held-out data: its loss drives early stopping and the report's validation numbers. */
  validation?: TrainData;
  /** Stop when the monitored loss has not improved by minDelta for `patience` epochs. */
  earlyStopping?: { patience: number; minDelta?: number };
  /** With early stopping, end with the weights of the best epoch (default true). */
  restoreBest?: boolean;
  /** A loss above divergenceFactor x the initial loss counts as divergence (default 1000). */
  divergenceFactor?: number;
  onEpoch?: (report: EpochReport) => void | Promise<void>;
  /** Aborting stops training within one batch. */
  signal?: AbortSignal;
}

export type TrainStatus = 'completed' | 'early-stopped' | 'aborted' | 'diverged';

export interface TrainResult {
  status: TrainStatus;
  epochsRun: number;
  /** 1-based epoch with the lowest monitored loss (validation loss when there is validation data). */
  bestEpoch: number;
  /** 1-based epoch whose weights the network holds at the end (0 = the initial weights). */
  weightsEpoch: number;
  /**
   * Loss before the first update, on the training data (on an evenly spaced sample of at most
   * INITIAL_LOSS_ROWS rows when there are more: it only sets the scale for divergence detection).
   */
  initialLoss: number;
  history: {
    trainLoss: number[];
    validationLoss: number[];
    validationAccuracy: number[];
    validationAuc: number[];
  };
  /** Set when training diverged: what happened, and a UserError that explains it. */
  divergence?: { epoch: number; loss: number; error: UserError };
  elapsedMs: number;
}

/** Class of each target row: the 0/1 value of a single column, or the argmax of a one-hot row. */
export function classesOfTargets(y: Matrix): Int32Array {
  const out = new Int32Array(y.rows);
  for (let r = 0; r < y.rows; r++) {
    if (y.cols === 1) {
      out[r] = y.data[r] >= 0.5 ? 1 : 0;
    } else {
      let best = 0;
      for (let j = 1; j < y.cols; j++) if (y.data[r * y.cols + j] > y.data[r * y.cols + best]) best = j;
      out[r] = best;
    }
  }
  return out;
}

/**
 * Targets for the engine from class labels: a 0/1 column for a binary network (one output),
 * one-hot rows otherwise.
 * @example targetsFromLabels(Int32Array.from([0, 1]), 1).data // Float64Array [0, 1]
 */
export function targetsFromLabels(labels: Int32Array, outputs: number): Matrix {
  const data = new Float64Array(labels.length * outputs);
  for (let r = 0; r < labels.length; r++) {
    if (outputs === 1) data[r] = labels[r] === 1 ? 1 : 0;
    else data[r * outputs + labels[r]] = 1;
  }
  return { rows: labels.length, cols: outputs, data };
}

/**
 * Class weights inversely proportional to class frequency, n / (classes · count), so that every
 * class carries the same total weight and the mean weight over the data stays 1.
 * @example balancedClassWeights(Int32Array.from([0, 0, 0, 1]), 2) // [0.667, 2]
 */
export function balancedClassWeights(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts.map((c) => (c === 0 ? 0 : labels.length / (classes * c)));
}

function checkShapes(net: Network, data: TrainData, what: string): void {
  const problem =
    data.x.cols !== net.inputs
      ? `${what} has ${data.x.cols} input columns, the network expects ${net.inputs}`
      : data.y.cols !== net.outputs
        ? `${what} has ${data.y.cols} target columns, the network has ${net.outputs} outputs`
        : data.x.rows !== data.y.rows
          ? `${what} has ${data.x.rows} input rows but ${data.y.rows} target rows`
          : data.x.rows === 0
            ? `${what} is empty`
            : null;
  if (problem) throw new UserError('engine.data.shape', { problem });
  for (let i = 0; i < data.x.data.length; i++) {
    if (!Number.isFinite(data.x.data[i])) {
      throw new UserError('engine.data.shape', {
        problem: `${what} row ${Math.floor(i / data.x.cols) + 1}, column ${(i % data.x.cols) + 1} is not a finite number`,
      });
    }
  }
}

function sampleWeightsFor(y: Matrix, classWeights: readonly number[] | undefined, dtype: Network['dtype']): Floats | null {
  if (!classWeights) return null;
  const classes = classesOfTargets(y);
  const weights = allocate(dtype, y.rows);
  for (let r = 0; r < y.rows; r++) weights[r] = classWeights[classes[r]] ?? 1;
  return weights;
}

/** Mean loss of the network over a whole data set, in chunks, using the network's own buffers. */
function meanLoss(net: Network, x: Floats, y: Floats, rows: number, weights: Floats | null, probabilities: Floats | null, chunk = 1024): number {
  let total = 0;
  for (let start = 0; start < rows; start += chunk) {
    const n = Math.min(chunk, rows - start);
    const out = net.forward(x.subarray(start * net.inputs, (start + n) * net.inputs), n);
    if (probabilities) probabilities.set(out, start * net.outputs);
    const pass = net.lastPass(n);
    const last = net.layers.length - 1;
    total += net.loss.value({
      z: pass.z[last],
      a: pass.a[last],
      y: y.subarray(start * net.outputs, (start + n) * net.outputs),
      rows: n,
      cols: net.outputs,
      sampleWeights: weights ? weights.subarray(start, start + n) : null,
    });
  }
  return total / rows;
}

/**
 * Copies rows order[start], ..., order[start + n - 1] of `src` (rows of `cols` values) into the first
 * n rows of `dst`. A plain loop: `dst.set(src.subarray(...))` allocates a view per row, which costs
 * more than the copy itself for narrow rows.
 */
function gatherRows(src: Floats, order: Int32Array, start: number, n: number, cols: number, dst: Floats): void {
  for (let r = 0, d = 0; r < n; r++) {
    for (let s = order[start + r] * cols, end = s + cols; s < end; s++, d++) dst[d] = src[s];
  }
}

/** Rows the initial loss is measured on: enough for a stable mean, without a full extra pass over big data. */
export const INITIAL_LOSS_ROWS = 1024;

/** The mean loss before training, on every row or on an evenly spaced sample of INITIAL_LOSS_ROWS. */
function initialLossOf(net: Network, x: Floats, y: Floats, rows: number, weights: Floats | null): number {
  if (rows <= INITIAL_LOSS_ROWS) return meanLoss(net, x, y, rows, weights, null);
  // Evenly spaced, not the first rows: data files are often sorted by class.
  const picked = Int32Array.from({ length: INITIAL_LOSS_ROWS }, (_, i) => Math.floor((i * rows) / INITIAL_LOSS_ROWS));
  const xs = allocate(net.dtype, INITIAL_LOSS_ROWS * net.inputs);
  const ys = allocate(net.dtype, INITIAL_LOSS_ROWS * net.outputs);
  gatherRows(x, picked, 0, INITIAL_LOSS_ROWS, net.inputs, xs);
  gatherRows(y, picked, 0, INITIAL_LOSS_ROWS, net.outputs, ys);
  let ws: Floats | null = null;
  if (weights) {
    ws = allocate(net.dtype, INITIAL_LOSS_ROWS);
    gatherRows(weights, picked, 0, INITIAL_LOSS_ROWS, 1, ws);
  }
  return meanLoss(net, xs, ys, INITIAL_LOSS_ROWS, ws, null);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** How long training may hold the thread before letting timers, messages and aborts through. */
const YIELD_EVERY_MS = 25;

/**
 * Trains `net` in place with mini-batch gradient descent and backpropagation.
 *
 * Reports every epoch through `onEpoch`, stops early when the validation loss stops improving, stops
 * within a batch when `signal` aborts, and stops with an explanation (never a NaN model) when the
 * loss diverges: the network then holds the weights of its best epoch.
 *
 * @example
 * const result = await train(net, { x, y }, { epochs: 500, optimizer: { kind: 'adam', learningRate: 0.05 } });
 */
export async function train(net: Network, data: TrainData, options: TrainOptions): Promise<TrainResult> {
  const started = performance.now();
  checkShapes(net, data, 'training data');
  if (options.validation) checkShapes(net, options.validation, 'validation data');
  const epochs = options.epochs;
  if (!Number.isInteger(epochs) || epochs < 1) throw new UserError('engine.data.shape', { problem: `epochs must be a whole number >= 1, got ${epochs}` });
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 32, data.x.rows));
  const l2 = options.l2 ?? 0;
  const restoreBest = options.restoreBest ?? true;
  const divergenceFactor = options.divergenceFactor ?? 1000;
  const optimizer = createOptimizer(options.optimizer);
  const rng = createRng(options.seed ?? 1);

  // Everything in the network's storage type, converted once.
  const x = convert(data.x, net.dtype).data;
  const y = convert(data.y, net.dtype).data;
  const weights = sampleWeightsFor(data.y, options.classWeights, net.dtype);
  const validation = options.validation
    ? {
        x: convert(options.validation.x, net.dtype).data,
        y: convert(options.validation.y, net.dtype).data,
        rows: options.validation.x.rows,
        weights: sampleWeightsFor(options.validation.y, options.classWeights, net.dtype),
        labels: classesOfTargets(options.validation.y),
        probabilities: allocate(net.dtype, options.validation.x.rows * net.outputs),
      }
    : null;

  // Batch buffers, allocated once.
  const rows = data.x.rows;
  const xb = allocate(net.dtype, batchSize * net.inputs);
  const yb = allocate(net.dtype, batchSize * net.outputs);
  const wb = weights ? allocate(net.dtype, batchSize) : null;
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const params = net.layers.flatMap((l) => [l.weights, l.biases]);
  const grads = net.layers.flatMap((l) => [l.weightGrads, l.biasGrads]);

  const initialLoss = initialLossOf(net, x, y, rows, weights);
  const history: TrainResult['history'] = { trainLoss: [], validationLoss: [], validationAccuracy: [], validationAuc: [] };
  let best = { epoch: 0, loss: validation ? meanLoss(net, validation.x, validation.y, validation.rows, validation.weights, null) : initialLoss };
  let bestParams = net.snapshot();
  let sinceImprovement = 0;
  let status: TrainStatus = 'completed';
  let divergence: TrainResult['divergence'];
  let lastYield = performance.now();
  let epoch = 0;

  const diverge = (loss: number): void => {
    status = 'diverged';
    divergence = {
      epoch,
      loss,
      error: new UserError('engine.diverged', {
        epoch,
        loss: Number.isNaN(loss) ? 'NaN' : loss.toPrecision(3),
        learningRate: optimizer.spec.learningRate,
      }),
    };
  };

  training: for (epoch = 1; epoch <= epochs; epoch++) {
    if (options.shuffle ?? true) rng.shuffle(order);
    let lossSum = 0;
    for (let start = 0; start < rows; start += batchSize) {
      if (options.signal?.aborted) {
        status = 'aborted';
        break training;
      }
      const n = Math.min(batchSize, rows - start);
      gatherRows(x, order, start, n, net.inputs, xb);
      gatherRows(y, order, start, n, net.outputs, yb);
      if (wb && weights) gatherRows(weights, order, start, n, 1, wb);
      net.forward(xb, n);
      const batchLoss = net.backward(xb, yb, n, wb, l2);
      if (!Number.isFinite(batchLoss)) {
        diverge(batchLoss);
        break training;
      }
      lossSum += batchLoss;
      optimizer.step(params, grads);
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    const trainLoss = lossSum / rows;
    if (trainLoss > divergenceFactor * Math.max(initialLoss, 1e-3)) {
      diverge(trainLoss);
      break;
    }
    history.trainLoss.push(trainLoss);
    const report: EpochReport = { epoch, epochs, trainLoss, elapsedMs: performance.now() - started };
    let monitored = trainLoss;
    if (validation) {
      const validationLoss = meanLoss(net, validation.x, validation.y, validation.rows, validation.weights, validation.probabilities);
      if (!Number.isFinite(validationLoss)) {
        diverge(validationLoss);
        break;
      }
      const probabilities = { rows: validation.rows, cols: net.outputs, data: validation.probabilities };
      const metrics = net.outputs === 1 ? binaryMetrics(validation.labels, validation.probabilities) : multiclassMetrics(validation.labels, probabilities);
      report.validationLoss = validationLoss;
      report.validationAccuracy = metrics.accuracy;
      report.validationAuc = metrics.auc;
      history.validationLoss.push(validationLoss);
      history.validationAccuracy.push(metrics.accuracy);
      history.validationAuc.push(metrics.auc);
      monitored = validationLoss;
    }
    if (monitored < best.loss - (options.earlyStopping?.minDelta ?? 0)) {
      best = { epoch, loss: monitored };
      bestParams = net.snapshot();
      sinceImprovement = 0;
    } else {
      sinceImprovement++;
    }
    await options.onEpoch?.(report);
    if (options.earlyStopping && sinceImprovement >= options.earlyStopping.patience) {
      status = 'early-stopped';
      break;
    }
  }

  const epochsRun = history.trainLoss.length;
  // A diverged network always goes back to its best finite weights; otherwise only when asked.
  let weightsEpoch = epochsRun;
  // (status is set inside diverge(), which control-flow analysis cannot see.)
  const finalStatus = status as TrainStatus;
  if (finalStatus === 'diverged' || (restoreBest && finalStatus === 'early-stopped')) {
    net.restore(bestParams);
    weightsEpoch = best.epoch;
  }
  return {
    status,
    epochsRun,
    bestEpoch: best.epoch,
    weightsEpoch,
    initialLoss,
    history,
    divergence,
    elapsedMs: performance.now() - started,
  };
}
