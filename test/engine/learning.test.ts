import { describe, expect, it } from 'vitest';
import { spiral, xor } from '../../src/data/builtin.js';
import type { Dataset } from '../../src/data/types.js';
import { binaryMetrics, createNetwork, targetsFromLabels, train, type ActivationName, type EpochReport } from '../../src/engine/index.js';

function binaryNet(hidden: number[], activation: ActivationName, dtype: 'float32' | 'float64' = 'float32', seed = 1) {
  return createNetwork({
    inputs: 2,
    layers: [...hidden.map((units) => ({ units, activation })), { units: 1, activation: 'sigmoid' as const }],
    loss: 'binary-cross-entropy',
    dtype,
    seed,
  });
}

/** Every fifth row held out (every class lands in both parts). */
function holdOut(ds: Dataset) {
  const pick = (keep: (i: number) => boolean) => {
    const rows = [...Array(ds.x.rows).keys()].filter(keep);
    return {
      x: { rows: rows.length, cols: 2, data: Float64Array.from(rows.flatMap((i) => [ds.x.data[2 * i], ds.x.data[2 * i + 1]])) },
      labels: Int32Array.from(rows.map((i) => ds.labels[i])),
    };
  };
  return { train: pick((i) => i % 5 !== 0), test: pick((i) => i % 5 === 0) };
}

describe('learning', () => {
  it('solves xor: 100 % accuracy', async () => {
    const ds = xor({ size: 200, noise: 0.1, seed: 1 });
    const net = binaryNet([4], 'tanh');
    const result = await train(net, { x: ds.x, y: targetsFromLabels(ds.labels, 1) }, { epochs: 300, optimizer: { kind: 'adam', learningRate: 0.02 } });
    expect(result.status).toBe('completed');
    expect(binaryMetrics(ds.labels, net.predict(ds.x).data).accuracy).toBe(1);
  });

  it('separates the two-class spiral: at least 95 % held-out accuracy', async () => {
    const { train: trainSet, test } = holdOut(spiral({ size: 800, noise: 0.1, seed: 2 }));
    const net = binaryNet([16, 16], 'tanh');
    await train(net, { x: trainSet.x, y: targetsFromLabels(trainSet.labels, 1) }, { epochs: 300, batchSize: 16, optimizer: { kind: 'adam', learningRate: 0.02 } });
    expect(binaryMetrics(test.labels, net.predict(test.x).data).accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['sgd', 'momentum', 'adam'] as const)('lowers the loss with %s', async (kind) => {
    const ds = xor({ size: 100, seed: 3 });
    const net = binaryNet([6], 'tanh', 'float64');
    const result = await train(net, { x: ds.x, y: targetsFromLabels(ds.labels, 1) }, { epochs: 100, optimizer: { kind, learningRate: kind === 'adam' ? 0.02 : 0.3 } });
    expect(result.history.trainLoss.at(-1)!).toBeLessThan(result.initialLoss * 0.5);
  });

  it.each(['float32', 'float64'] as const)('gives bit-identical weights for the same seed (%s)', async (dtype) => {
    const ds = spiral({ size: 200, seed: 4 });
    const run = async () => {
      const net = binaryNet([8, 8], 'relu', dtype, 7);
      await train(net, { x: ds.x, y: targetsFromLabels(ds.labels, 1) }, { epochs: 20, seed: 9, l2: 1e-3 });
      return net.layers.map((l) => Array.from(l.weights).concat(Array.from(l.biases)));
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const other = binaryNet([8, 8], 'relu', dtype, 8);
    expect(Array.from(other.layers[0].weights)).not.toEqual(first[0].slice(0, other.layers[0].weights.length));
  });

  it('reports every epoch with validation loss and metrics', async () => {
    const { train: trainSet, test } = holdOut(xor({ size: 200, seed: 5 }));
    const reports: EpochReport[] = [];
    const result = await train(
      binaryNet([4], 'tanh'),
      { x: trainSet.x, y: targetsFromLabels(trainSet.labels, 1) },
      { epochs: 12, validation: { x: test.x, y: targetsFromLabels(test.labels, 1) }, onEpoch: (r) => void reports.push(r) },
    );
    expect(reports.map((r) => r.epoch)).toEqual([...Array(12).keys()].map((i) => i + 1));
    expect(reports.every((r) => r.epochs === 12 && Number.isFinite(r.validationLoss) && r.validationAuc! >= 0 && r.elapsedMs >= 0)).toBe(true);
    expect(result.history.validationLoss).toEqual(reports.map((r) => r.validationLoss));
    expect(result.history.trainLoss).toEqual(reports.map((r) => r.trainLoss));
  });

  it('stops early when validation loss stops improving and keeps the best weights', async () => {
    // Few, noisy training points and a big network: it overfits, so validation loss turns up.
    const ds = xor({ size: 400, noise: 0.6, seed: 6 });
    const trainSet = { x: { rows: 24, cols: 2, data: ds.x.data.slice(0, 48) }, labels: ds.labels.slice(0, 24) };
    const validation = { x: { rows: 376, cols: 2, data: ds.x.data.slice(48) }, y: targetsFromLabels(ds.labels.slice(24), 1) };
    const net = binaryNet([64, 64], 'relu', 'float64');
    const result = await train(net, { x: trainSet.x, y: targetsFromLabels(trainSet.labels, 1) }, {
      epochs: 2000,
      batchSize: 8,
      optimizer: { kind: 'adam', learningRate: 0.01 },
      validation,
      earlyStopping: { patience: 20 },
    });
    expect(result.status).toBe('early-stopped');
    expect(result.epochsRun).toBeLessThan(2000);
    expect(result.epochsRun - result.bestEpoch).toBe(20);
    expect(result.weightsEpoch).toBe(result.bestEpoch);
    // The network holds the best epoch's weights: its validation loss is the best one recorded.
    const p = net.predict(validation.x).data;
    let loss = 0;
    for (let i = 0; i < p.length; i++) loss -= validation.y.data[i] === 1 ? Math.log(p[i]) : Math.log(1 - p[i]);
    expect(loss / p.length).toBeCloseTo(Math.min(...result.history.validationLoss), 6);
  });

  it('stops within a batch when aborted', async () => {
    const ds = spiral({ size: 2000, seed: 7 });
    const controller = new AbortController();
    const result = await train(binaryNet([32, 32], 'tanh'), { x: ds.x, y: targetsFromLabels(ds.labels, 1) }, {
      epochs: 10_000,
      onEpoch: (r) => {
        if (r.epoch === 3) controller.abort();
      },
      signal: controller.signal,
    });
    expect(result.status).toBe('aborted');
    expect(result.epochsRun).toBe(3);
  });

  it('aborts from a timer while training runs (it yields to the event loop)', async () => {
    const ds = spiral({ size: 2000, seed: 7 });
    const started = performance.now();
    const result = await train(binaryNet([64, 64], 'tanh'), { x: ds.x, y: targetsFromLabels(ds.labels, 1) }, { epochs: 100_000, signal: AbortSignal.timeout(200) });
    expect(result.status).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('detects divergence from a learning rate far too high, and keeps a finite network', async () => {
    const ds = spiral({ size: 200, seed: 8 });
    const net = createNetwork({ inputs: 2, layers: [{ units: 16, activation: 'relu' }, { units: 1, activation: 'linear' }], loss: 'mse', seed: 1 });
    const result = await train(net, { x: ds.x, y: targetsFromLabels(ds.labels, 1) }, { epochs: 200, optimizer: { kind: 'sgd', learningRate: 5 } });
    expect(result.status).toBe('diverged');
    expect(result.divergence?.error.message).toMatch(/diverged at epoch \d+.*learning rate \(5\) is probably too high/);
    expect(result.divergence?.error.localized('pt-BR')).toMatch(/divergiu/);
    const predictions = net.predict(ds.x).data;
    expect(predictions.every(Number.isFinite)).toBe(true);
  });

  it('class weights make a rare class count: recall on it rises', async () => {
    // 5 % positives inside a band: unweighted training can ignore them, weighted cannot.
    const n = 1000;
    const data = new Float64Array(n * 2);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      data[2 * i] = ((i * 37) % 100) / 50 - 1;
      data[2 * i + 1] = ((i * 61) % 100) / 50 - 1;
      labels[i] = i % 20 === 0 ? 1 : 0;
      if (labels[i] === 1) data[2 * i] = 0.6 + (i % 7) * 0.05;
    }
    const x = { rows: n, cols: 2, data };
    const y = targetsFromLabels(labels, 1);
    const recall = async (classWeights?: number[]) => {
      const net = binaryNet([8], 'tanh');
      await train(net, { x, y }, { epochs: 30, classWeights, optimizer: { kind: 'adam', learningRate: 0.01 } });
      return binaryMetrics(labels, net.predict(x).data).recall;
    };
    const plain = await recall();
    const weighted = await recall([1, 19]);
    expect(weighted).toBeGreaterThan(plain);
    expect(weighted).toBeGreaterThan(0.8);
  });

  it('measures the initial loss on an even sample of big data, close to the full mean', async () => {
    const ds = spiral({ size: 5000, seed: 10 }); // sorted by class: a first-rows sample would be all class 0
    const net = binaryNet([8], 'tanh', 'float64');
    const p = net.predict(ds.x).data;
    let full = 0;
    for (let i = 0; i < p.length; i++) full -= ds.labels[i] === 1 ? Math.log(p[i]) : Math.log(1 - p[i]);
    full /= p.length;
    const result = await train(net, { x: ds.x, y: targetsFromLabels(ds.labels, 1) }, { epochs: 1 });
    expect(Math.abs(result.initialLoss - full) / full).toBeLessThan(0.02);
  });

  it('refuses data that does not fit the network, naming the problem', async () => {
    const net = binaryNet([4], 'tanh');
    const x = { rows: 2, cols: 3, data: new Float64Array(6) };
    await expect(train(net, { x, y: { rows: 2, cols: 1, data: new Float64Array(2) } }, { epochs: 1 })).rejects.toThrow(/3 input columns, the network expects 2/);
    const bad = { rows: 1, cols: 2, data: Float64Array.from([1, Number.NaN]) };
    await expect(train(net, { x: bad, y: { rows: 1, cols: 1, data: new Float64Array(1) } }, { epochs: 1 })).rejects.toThrow(/row 1, column 2 is not a finite number/);
  });
});
