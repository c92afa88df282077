import { UserError } from '../errors.js';
import { getActivation, type Activation, type ActivationName } from './activations.js';
import { getLoss, type Loss } from './losses.js';
import { allocate, convert, gemmNN, gemmNT, gemmTN, type DType, type Floats, type Matrix } from './matrix.js';
import { createRng } from './prng.js';
import { normalizeSpec, type NetworkSpec, type NetworkSpecInput } from './spec.js';

/** One fully connected layer: z = x·W + b, a = activation(z). */
export interface DenseLayer {
  readonly inputs: number;
  readonly units: number;
  readonly activation: ActivationName;
  /** Row-major [inputs x units]: the weight from input i to unit j is weights[i * units + j]. */
  readonly weights: Floats;
  readonly biases: Floats;
  /** Gradients of the last backward pass, same layout as weights and biases. */
  readonly weightGrads: Floats;
  readonly biasGrads: Floats;
}

/** Per-layer buffers for a batch, allocated once and grown only when a larger batch arrives. */
interface Workspace {
  capacity: number;
  z: Floats[];
  a: Floats[];
  /** dL/dz per layer: each neuron's share of the blame. */
  dz: Floats[];
  /** dL/da per layer. */
  da: Floats[];
}

/**
 * A feed-forward network of dense layers, with batched forward and backward passes over typed
 * arrays of one storage type (float32 or float64).
 */
export class Network {
  readonly spec: NetworkSpec;
  readonly dtype: DType;
  readonly inputs: number;
  readonly outputs: number;
  readonly layers: DenseLayer[];
  readonly loss: Loss;
  private readonly activationFns: Activation[];
  private workspace: Workspace = { capacity: 0, z: [], a: [], dz: [], da: [] };

  constructor(specInput: NetworkSpecInput) {
    this.spec = normalizeSpec(specInput);
    this.dtype = this.spec.dtype;
    this.inputs = this.spec.inputs;
    this.loss = getLoss(this.spec.loss);
    const rng = createRng(this.spec.seed);
    let fanIn = this.spec.inputs;
    this.layers = this.spec.layers.map(({ units, activation }) => {
      const weights = allocate(this.dtype, fanIn * units);
      const useHe = this.spec.init === 'he' || (this.spec.init === 'auto' && (activation === 'relu' || activation === 'leaky-relu'));
      // He keeps the variance of relu layers from shrinking; Xavier (Glorot) suits symmetric squashers.
      const scale = useHe ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + units));
      for (let i = 0; i < weights.length; i++) weights[i] = rng.normal() * scale;
      const layer: DenseLayer = {
        inputs: fanIn,
        units,
        activation,
        weights,
        biases: allocate(this.dtype, units),
        weightGrads: allocate(this.dtype, fanIn * units),
        biasGrads: allocate(this.dtype, units),
      };
      fanIn = units;
      return layer;
    });
    this.outputs = fanIn;
    this.activationFns = this.layers.map((layer) => getActivation(layer.activation));
  }

  /** Weights and biases, counted. */
  parameterCount(): number {
    return this.layers.reduce((n, l) => n + l.weights.length + l.biases.length, 0);
  }

  private ensureCapacity(rows: number): Workspace {
    if (rows <= this.workspace.capacity) return this.workspace;
    const capacity = Math.max(rows, this.workspace.capacity * 2);
    const per = (n: number) => allocate(this.dtype, capacity * n);
    this.workspace = {
      capacity,
      z: this.layers.map((l) => per(l.units)),
      a: this.layers.map((l) => per(l.units)),
      dz: this.layers.map((l) => per(l.units)),
      da: this.layers.map((l) => per(l.units)),
    };
    return this.workspace;
  }

  /**
   * Forward pass over `rows` samples of `x` (row-major, rows x inputs, same dtype as the network).
   * Returns the output activations: a view into the network's buffers, valid until the next pass.
   */
  forward(x: Floats, rows: number): Floats {
    const ws = this.ensureCapacity(rows);
    let input = x;
    for (let l = 0; l < this.layers.length; l++) {
      const layer = this.layers[l];
      const n = rows * layer.units;
      gemmNN(input, layer.weights, ws.z[l], rows, layer.inputs, layer.units, layer.biases);
      this.activationFns[l].forward(ws.z[l], ws.a[l], n, layer.units);
      input = ws.a[l];
    }
    return ws.a[this.layers.length - 1].subarray(0, rows * this.outputs);
  }

  /**
   * Backward pass after `forward(x, rows)`: fills every layer's weightGrads and biasGrads with the
   * gradient of the mean (sample-weighted) loss, plus the L2 term (l2/2 · Σw²) when l2 > 0.
   * Returns the summed data loss of the batch (without the L2 term).
   */
  backward(x: Floats, y: Floats, rows: number, sampleWeights: Floats | null = null, l2 = 0): number {
    const ws = this.workspace;
    const last = this.layers.length - 1;
    const outLayer = this.layers[last];
    const ctx = { z: ws.z[last], a: ws.a[last], y, rows, cols: outLayer.units, sampleWeights };
    const lossSum = this.loss.value(ctx);
    if (this.loss.fromLogits) {
      this.loss.gradient(ctx, ws.dz[last], rows);
    } else {
      this.loss.gradient(ctx, ws.da[last], rows);
      this.activationFns[last].backward(ws.z[last], ws.a[last], ws.da[last], ws.dz[last], rows * outLayer.units, outLayer.units);
    }
    for (let l = last; l >= 0; l--) {
      const layer = this.layers[l];
      const input = l === 0 ? x : ws.a[l - 1];
      const dz = ws.dz[l];
      // dW = inputᵀ · dz ; db = column sums of dz
      gemmTN(input, dz, layer.weightGrads, layer.inputs, rows, layer.units);
      const bg = layer.biasGrads;
      bg.fill(0);
      for (let r = 0, o = 0; r < rows; r++) for (let j = 0; j < layer.units; j++, o++) bg[j] += dz[o];
      if (l2 > 0) {
        const w = layer.weights;
        const g = layer.weightGrads;
        for (let i = 0; i < w.length; i++) g[i] += l2 * w[i];
      }
      if (l > 0) {
        // Each neuron below gets its share of the blame: da_prev = dz · Wᵀ, then through its activation.
        const prev = this.layers[l - 1];
        gemmNT(dz, layer.weights, ws.da[l - 1], rows, layer.units, layer.inputs);
        this.activationFns[l - 1].backward(ws.z[l - 1], ws.a[l - 1], ws.da[l - 1], ws.dz[l - 1], rows * prev.units, prev.units);
      }
    }
    return lossSum;
  }

  /** The buffers of the last pass, for introspection (views; copy what you keep). */
  lastPass(rows: number): { z: Floats[]; a: Floats[]; dz: Floats[] } {
    const ws = this.workspace;
    return {
      z: this.layers.map((l, i) => ws.z[i].subarray(0, rows * l.units)),
      a: this.layers.map((l, i) => ws.a[i].subarray(0, rows * l.units)),
      dz: this.layers.map((l, i) => ws.dz[i].subarray(0, rows * l.units)),
    };
  }

  /** L2 penalty l2/2 · Σ w² over all weights (not biases). */
  l2Penalty(l2: number): number {
    if (l2 <= 0) return 0;
    let sum = 0;
    for (const layer of this.layers) for (let i = 0; i < layer.weights.length; i++) sum += layer.weights[i] ** 2;
    return (l2 / 2) * sum;
  }

  /**
   * Outputs for every row of `x` (probabilities for the cross-entropy losses), as a new matrix.
   * @example net.predict(fromRows([[0, 1]])).data[0] // P(class 1)
   */
  predict(x: Matrix, chunkRows = 1024): Matrix {
    if (x.cols !== this.inputs) {
      throw new UserError('engine.data.shape', { problem: `expected ${this.inputs} input columns, got ${x.cols}` });
    }
    const input = x.data instanceof (this.dtype === 'float32' ? Float32Array : Float64Array) ? x : convert(x, this.dtype);
    const out = allocate(this.dtype, x.rows * this.outputs);
    for (let start = 0; start < x.rows; start += chunkRows) {
      const rows = Math.min(chunkRows, x.rows - start);
      const view = input.data.subarray(start * this.inputs, (start + rows) * this.inputs);
      out.set(this.forward(view, rows), start * this.outputs);
    }
    return { rows: x.rows, cols: this.outputs, data: out };
  }

  /** A copy of every parameter, in layer order (weights then biases). */
  snapshot(): Floats[] {
    return this.layers.flatMap((l) => [l.weights.slice(), l.biases.slice()]);
  }

  /** Copies parameters back from `snapshot()` (or any arrays of the same sizes). */
  restore(params: ArrayLike<number>[]): void {
    this.layers.forEach((l, i) => {
      l.weights.set(params[2 * i]);
      l.biases.set(params[2 * i + 1]);
    });
  }
}

/**
 * Builds a network with seeded weights.
 * @example
 * const net = createNetwork({ inputs: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'binary-cross-entropy', seed: 1 });
 */
export function createNetwork(spec: NetworkSpecInput): Network {
  return new Network(spec);
}
