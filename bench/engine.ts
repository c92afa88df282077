/**
 * `npm run bench` : our engine against brain.js and @tensorflow/tfjs (cpu and wasm backends), training
 * the same MLPs on the same seeded data, interleaved in one run.
 *
 *   (a) 784-128-10, relu hidden, softmax cross-entropy, batch 32, 6,000 samples, 1 epoch
 *   (b) 10-16-8-1, sigmoid hidden, sigmoid output, 5,000 rows x 50 epochs, batch 32
 *
 * Prints samples/s (median of the repetitions), nominal GFLOP/s (6 x parameters x samples / s) and how
 * many times faster ours is, then the targets of the issue with PASS/FAIL.
 *
 *   npm run bench                 full run (about 3 minutes on 2 cores)
 *   npm run bench -- --quick      fewer repetitions
 *   npm run bench -- --json       one JSON document on stdout (progress goes to stderr)
 *   npm run bench -- --only=a     just workload (a) (or b)
 *   npm run bench -- --skip=brain.js,tfjs-wasm   leave contenders out
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createNetwork, createRng, train, type Network, type NetworkSpecInput } from '../src/engine/index.js';
import { fmt, formatTable, interleave, machineInfo, parseFlags, progress, summarize, timeIt, type Contender, type Summary } from './lib.js';

const flags = parseFlags();
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- workloads and their data

interface Workload {
  id: 'a' | 'b';
  title: string;
  inputs: number;
  hidden: number[];
  outputs: number;
  /** Hidden activation used by every contender. */
  hiddenActivation: 'relu' | 'sigmoid';
  rows: number;
  epochs: number;
  batchSize: number;
  /** Plain SGD step size (the same for ours and tfjs; brain.js gets its own, see below). */
  learningRate: number;
  /** brain.js's SGD step size: it updates per sample and from an MSE-style error, so it needs a smaller one on (a). */
  brainLearningRate: number;
  /** Timed runs per contender (median reported)... */
  repetitions: number;
  /** ...except these slow contenders, which get fewer so that the whole bench stays near 3 minutes. */
  slow: { names: string[]; repetitions: number };
  x: Float32Array;
  /** One-hot rows for (a), a 0/1 column for (b). */
  y: Float32Array;
}

function parameters(w: Pick<Workload, 'inputs' | 'hidden' | 'outputs'>): number {
  const sizes = [w.inputs, ...w.hidden, w.outputs];
  let n = 0;
  for (let i = 1; i < sizes.length; i++) n += sizes[i - 1] * sizes[i] + sizes[i];
  return n;
}

/**
 * (a): 784 inputs in [0,1], 10 classes: each row is 85% uniform noise and 15% its class's random
 * prototype (an MNIST-sized problem that a 784-128-10 MLP learns within one epoch).
 */
function workloadA(): Workload {
  const rows = 6000, inputs = 784, classes = 10;
  const rng = createRng(2024);
  const prototypes = Array.from({ length: classes }, () => Float64Array.from({ length: inputs }, () => rng.next()));
  const x = new Float32Array(rows * inputs);
  const y = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    const label = rng.int(classes);
    const proto = prototypes[label];
    for (let i = 0; i < inputs; i++) x[r * inputs + i] = 0.85 * rng.next() + 0.15 * proto[i];
    y[r * classes + label] = 1;
  }
  return {
    id: 'a', title: '(a) 784-128-10, relu, softmax cross-entropy, batch 32, 6,000 samples x 1 epoch',
    inputs, hidden: [128], outputs: classes, hiddenActivation: 'relu', rows, epochs: 1, batchSize: 32,
    learningRate: 0.05, brainLearningRate: 0.01, x, y,
    // brain.js and tfjs-cpu take 10-16 s a run here.
    repetitions: flags.quick ? 2 : 5, slow: { names: ['brain.js', 'tfjs-cpu'], repetitions: flags.quick ? 1 : 3 },
  };
}

/** (b): standard-normal inputs, labelled by a small random tanh teacher (a non-linear boundary). */
function workloadB(): Workload {
  const rows = 5000, inputs = 10, teacherHidden = 6;
  const rng = createRng(2025);
  const w1 = Array.from({ length: inputs * teacherHidden }, () => rng.normal());
  const w2 = Array.from({ length: teacherHidden }, () => rng.normal());
  const x = new Float32Array(rows * inputs);
  const y = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < inputs; i++) x[r * inputs + i] = rng.normal();
    let out = 0;
    for (let h = 0; h < teacherHidden; h++) {
      let s = 0;
      for (let i = 0; i < inputs; i++) s += x[r * inputs + i] * w1[i * teacherHidden + h];
      out += Math.tanh(s / Math.sqrt(inputs)) * w2[h];
    }
    y[r] = out > 0 ? 1 : 0;
  }
  return {
    id: 'b', title: '(b) 10-16-8-1, sigmoid hidden + sigmoid output, 5,000 rows x 50 epochs, batch 32',
    inputs, hidden: [16, 8], outputs: 1, hiddenActivation: 'sigmoid', rows, epochs: 50, batchSize: 32,
    learningRate: 0.5, brainLearningRate: 0.3, x, y,
    // tfjs pays a fixed cost per batch (7,850 of them here): 10-16 s a run.
    repetitions: flags.quick ? 2 : 5, slow: { names: ['tfjs-cpu', 'tfjs-wasm'], repetitions: flags.quick ? 1 : 3 },
  };
}

/** The first `rows` rows of a workload with `epochs` epochs (warm-up runs). */
function shrink(w: Workload, rows: number, epochs: number): Workload {
  return { ...w, rows, epochs, x: w.x.subarray(0, rows * w.inputs), y: w.y.subarray(0, rows * w.outputs) };
}

// ---------------------------------------------------------------- contenders

/** What a contender reports from one training run (for the sanity checks; not timed separately). */
interface RunInfo {
  /** Loss before training, when the library tells it. */
  initialLoss?: number;
  /** Loss of the last epoch, in the library's own loss (brain.js: its MSE). */
  finalLoss: number;
  lossName: string;
}

interface Engine {
  name: string;
  /** Settings in words, for the report. */
  describe(w: Workload): string;
  /** Prepares one training run (untimed): returns the timed function and an optional clean-up. */
  prepare(w: Workload): Promise<{ run: () => Promise<RunInfo> | RunInfo; dispose?: () => void }>;
}

function oursSpec(w: Workload): NetworkSpecInput {
  const out = w.outputs === 1
    ? { units: 1, activation: 'sigmoid' as const }
    : { units: w.outputs, activation: 'softmax' as const };
  return {
    inputs: w.inputs,
    layers: [...w.hidden.map((units) => ({ units, activation: w.hiddenActivation })), out],
    loss: w.outputs === 1 ? 'binary-cross-entropy' : 'softmax-cross-entropy',
    dtype: 'float32',
    seed: 7,
  };
}

const ours: Engine = {
  name: 'ours',
  describe: (w) => `float32, ${w.hiddenActivation} hidden, ${w.outputs === 1 ? 'sigmoid + binary cross-entropy' : 'softmax cross-entropy'}, SGD lr ${w.learningRate}, batch ${w.batchSize}, shuffled`,
  async prepare(w) {
    const net: Network = createNetwork(oursSpec(w));
    const data = { x: { rows: w.rows, cols: w.inputs, data: w.x }, y: { rows: w.rows, cols: w.outputs, data: w.y } };
    return {
      run: async () => {
        const result = await train(net, data, {
          epochs: w.epochs, batchSize: w.batchSize, shuffle: true, seed: 3,
          optimizer: { kind: 'sgd', learningRate: w.learningRate },
        });
        if (result.status !== 'completed') throw new Error(`ours: training ${result.status}`);
        return { initialLoss: result.initialLoss, finalLoss: result.history.trainLoss.at(-1)!, lossName: 'cross-entropy' };
      },
    };
  },
};

interface BrainNet {
  train(data: { input: number[]; output: number[] }[], options: Record<string, unknown>): { error: number; iterations: number };
}
const brain = require('brain.js') as { NeuralNetwork: new (options: Record<string, unknown>) => BrainNet };

/** brain.js draws its initial weights from Math.random: run it on our seeded stream so runs repeat exactly. */
function withSeededMathRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  const rng = createRng(seed);
  Math.random = rng.next;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

function plainRows(w: Workload): { input: number[]; output: number[] }[] {
  return Array.from({ length: w.rows }, (_, r) => ({
    input: Array.from(w.x.subarray(r * w.inputs, (r + 1) * w.inputs)),
    output: Array.from(w.y.subarray(r * w.outputs, (r + 1) * w.outputs)),
  }));
}
const brainRowsCache = new WeakMap<Float32Array, { input: number[]; output: number[] }[]>();

const brainJs: Engine = {
  name: 'brain.js',
  describe: (w) =>
    `brain.js ${require('brain.js/package.json').version} NeuralNetwork, activation '${w.hiddenActivation}' on every layer (no softmax: output is ${w.hiddenActivation} with its MSE-style error), ` +
    `its own train(): per-sample SGD (no batches, no shuffling), lr ${w.brainLearningRate}, momentum 1e-9 (it rejects 0; same arithmetic either way), iterations=${w.epochs}, errorThresh 1e-12 (it rejects 0; never reached); float32 weights, plain-array data`,
  async prepare(w) {
    let rows = brainRowsCache.get(w.x);
    if (!rows) brainRowsCache.set(w.x, (rows = plainRows(w)));
    const data = rows;
    const net = new brain.NeuralNetwork({ hiddenLayers: w.hidden, activation: w.hiddenActivation });
    return {
      run: () => {
        // The whole of brain.js's training (formatting, initialisation, all iterations) is timed.
        const status = withSeededMathRandom(11, () =>
          net.train(data, { iterations: w.epochs, errorThresh: 1e-12, learningRate: w.brainLearningRate, momentum: 1e-9, log: false }),
        );
        if (status.iterations !== w.epochs) throw new Error(`brain.js ran ${status.iterations} iterations, expected ${w.epochs}`);
        return { finalLoss: status.error, lossName: 'mse' };
      },
    };
  },
};

type Tf = typeof import('@tensorflow/tfjs');
let tf: Tf | null = null;
const backendProblems = new Map<string, string>();

async function loadTf(): Promise<Tf> {
  if (tf) return tf;
  tf = (await import('@tensorflow/tfjs')) as Tf;
  tf.enableProdMode(); // tfjs's fastest mode: skips debug checks (and its "install tfjs-node" notice)
  const wasm = (await import('@tensorflow/tfjs-backend-wasm')) as typeof import('@tensorflow/tfjs-backend-wasm');
  const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  wasm.setWasmPaths(dist + path.sep);
  for (const backend of ['cpu', 'wasm']) {
    try {
      const ok = await tf.setBackend(backend);
      if (!ok) throw new Error(`setBackend('${backend}') returned false`);
      await tf.ready();
    } catch (error) {
      backendProblems.set(backend, error instanceof Error ? error.message : String(error));
    }
  }
  return tf;
}

/** " (SIMD, single thread)" as the wasm backend reports it, or nothing when it cannot say. */
function wasmFeatures(): string {
  try {
    const flag = (name: string) => tf?.env().getBool(name) ?? false;
    return ` (${flag('WASM_HAS_SIMD_SUPPORT') ? 'SIMD' : 'no SIMD'}, ${flag('WASM_HAS_MULTITHREAD_SUPPORT') ? 'threads' : 'single thread'})`;
  } catch {
    return '';
  }
}

function tfjsEngine(backend: 'cpu' | 'wasm'): Engine {
  return {
    name: `tfjs-${backend}`,
    describe: (w) =>
      `@tensorflow/tfjs ${tf?.version.tfjs ?? ''} backend '${backend}'${backend === 'wasm' ? wasmFeatures() : ''}, ` +
      `float32, ${w.hiddenActivation} hidden, ${w.outputs === 1 ? 'sigmoid + binaryCrossentropy' : 'softmax + categoricalCrossentropy'}, ` +
      `tf.train.sgd(${w.learningRate}), model.fit batchSize ${w.batchSize}, shuffle true, verbose 0, yieldEvery 'never', prod mode`,
    async prepare(w) {
      const t = await loadTf();
      const problem = backendProblems.get(backend);
      if (problem) throw new Error(`tfjs ${backend} backend unavailable: ${problem}`);
      await t.setBackend(backend);
      const model = t.sequential();
      const sizes = [w.inputs, ...w.hidden];
      w.hidden.forEach((units, i) =>
        model.add(t.layers.dense({
          units, activation: w.hiddenActivation, inputShape: i === 0 ? [sizes[0]] : undefined,
          kernelInitializer: t.initializers.glorotUniform({ seed: 5 + i }),
        })),
      );
      model.add(t.layers.dense({
        units: w.outputs, activation: w.outputs === 1 ? 'sigmoid' : 'softmax',
        kernelInitializer: t.initializers.glorotUniform({ seed: 99 }),
      }));
      model.compile({ optimizer: t.train.sgd(w.learningRate), loss: w.outputs === 1 ? 'binaryCrossentropy' : 'categoricalCrossentropy' });
      const xs = t.tensor2d(w.x, [w.rows, w.inputs]);
      const ys = t.tensor2d(w.y, [w.rows, w.outputs]);
      return {
        run: async () => {
          const history = await model.fit(xs, ys, { batchSize: w.batchSize, epochs: w.epochs, shuffle: true, verbose: 0, yieldEvery: 'never' });
          const losses = history.history.loss as number[];
          return { finalLoss: losses.at(-1)!, lossName: 'cross-entropy' };
        },
        dispose: () => {
          xs.dispose();
          ys.dispose();
          model.dispose();
        },
      };
    },
  };
}

// ---------------------------------------------------------------- running

interface ContenderResult {
  name: string;
  repetitions: number;
  settings: string;
  status: 'ok' | 'unavailable' | 'failed';
  problem?: string;
  ms?: Summary;
  samplesPerSecond?: number;
  gflops?: number;
  /** ours samples/s divided by this contender's. */
  oursIsX?: number;
  lastRun?: RunInfo;
}

interface WorkloadResult {
  id: string;
  title: string;
  parameters: number;
  samples: number;
  contenders: ContenderResult[];
  check: { initialLoss: number; finalLoss: number; accuracy: number; ok: boolean; note: string };
}

/** Trains a fresh network once more, untimed, and checks that it learned (not a broken fast path). */
async function checkOurs(w: Workload): Promise<WorkloadResult['check']> {
  const net = createNetwork(oursSpec(w));
  const data = { x: { rows: w.rows, cols: w.inputs, data: w.x }, y: { rows: w.rows, cols: w.outputs, data: w.y } };
  const result = await train(net, data, { epochs: w.epochs, batchSize: w.batchSize, shuffle: true, seed: 3, optimizer: { kind: 'sgd', learningRate: w.learningRate } });
  const p = net.predict(data.x).data;
  let correct = 0;
  let majority = 0;
  for (let r = 0; r < w.rows; r++) {
    let pred: number, truth: number;
    if (w.outputs === 1) {
      pred = p[r] >= 0.5 ? 1 : 0;
      truth = w.y[r];
      majority += truth;
    } else {
      pred = 0;
      truth = 0;
      for (let c = 1; c < w.outputs; c++) {
        if (p[r * w.outputs + c] > p[r * w.outputs + pred]) pred = c;
        if (w.y[r * w.outputs + c] > w.y[r * w.outputs + truth]) truth = c;
      }
    }
    if (pred === truth) correct++;
  }
  const accuracy = correct / w.rows;
  const chance = w.outputs === 1 ? Math.max(majority, w.rows - majority) / w.rows : 1 / w.outputs;
  const finalLoss = result.history.trainLoss.at(-1)!;
  const ok = result.status === 'completed' && finalLoss < 0.9 * result.initialLoss && accuracy > chance + 0.1;
  return {
    initialLoss: result.initialLoss, finalLoss, accuracy, ok,
    note: `ours (fresh net): loss ${fmt(result.initialLoss)} before -> ${fmt(finalLoss)} mean over the last epoch; training accuracy ${(100 * accuracy).toFixed(1)}% (chance/majority ${(100 * chance).toFixed(1)}%)`,
  };
}

async function runWorkload(w: Workload, engines: Engine[]): Promise<WorkloadResult> {
  const params = parameters(w);
  const samples = w.rows * w.epochs;
  progress(`\n${w.title}: ${params.toLocaleString('en-US')} parameters, ${samples.toLocaleString('en-US')} samples, ${w.repetitions} repetitions (${w.slow.repetitions} for ${w.slow.names.join(', ')})`);
  const results = new Map<string, ContenderResult>();
  const live: Engine[] = [];
  // Warm-up: a short run of each contender, so JITs, kernels and backends are compiled before timing.
  const warm = shrink(w, Math.min(w.rows, 640), Math.min(w.epochs, 2));
  for (const engine of engines) {
    const repetitions = w.slow.names.includes(engine.name) ? w.slow.repetitions : w.repetitions;
    const result: ContenderResult = { name: engine.name, repetitions, settings: '', status: 'ok' };
    results.set(engine.name, result);
    try {
      const prepared = await engine.prepare(warm);
      result.settings = engine.describe(w);
      const { ms } = await timeIt(prepared.run);
      prepared.dispose?.();
      progress(`  warm-up ${engine.name}: ${ms.toFixed(0)} ms`);
      live.push(engine);
    } catch (error) {
      result.settings = engine.describe(w);
      result.status = /unavailable/.test(String(error)) ? 'unavailable' : 'failed';
      result.problem = error instanceof Error ? error.message : String(error);
      progress(`  ${engine.name}: ${result.status}: ${result.problem}`);
    }
  }
  const contenders: Contender<{ run: () => Promise<RunInfo> | RunInfo; dispose?: () => void }>[] = live.map((engine) => ({
    name: engine.name,
    repetitions: results.get(engine.name)!.repetitions,
    setup: () => engine.prepare(w),
    run: async (ctx) => {
      results.get(engine.name)!.lastRun = await ctx.run();
    },
    teardown: (ctx) => ctx.dispose?.(),
  }));
  const times = await interleave(contenders, w.repetitions, (name, ms, round) =>
    progress(`  round ${round + 1} ${name}: ${ms.toFixed(0)} ms (${fmt((samples / ms) * 1000)} samples/s)`),
  );
  for (const [name, list] of times) {
    const r = results.get(name)!;
    r.ms = summarize(list);
    r.samplesPerSecond = (samples / r.ms.median) * 1000;
    r.gflops = (6 * params * r.samplesPerSecond) / 1e9;
  }
  const oursRate = results.get('ours')?.samplesPerSecond;
  for (const r of results.values()) if (r.samplesPerSecond && oursRate) r.oursIsX = oursRate / r.samplesPerSecond;
  progress('  checking that ours learns in this setting...');
  const check = await checkOurs(w);
  return { id: w.id, title: w.title, parameters: params, samples, contenders: [...results.values()], check };
}

interface Target {
  workload: 'a' | 'b';
  peer: string;
  atLeast: number;
}
const TARGETS: Target[] = [
  { workload: 'a', peer: 'brain.js', atLeast: 5 },
  { workload: 'a', peer: 'tfjs-cpu', atLeast: 1.5 },
  { workload: 'b', peer: 'brain.js', atLeast: 3 },
];

async function main(): Promise<void> {
  const only = typeof flags.extra.only === 'string' ? flags.extra.only.split(',') : ['a', 'b'];
  const skip = typeof flags.extra.skip === 'string' ? flags.extra.skip.split(',') : [];
  const engines = [ours, brainJs, tfjsEngine('cpu'), tfjsEngine('wasm')].filter((e) => !skip.includes(e.name));
  const started = performance.now();
  const workloads: WorkloadResult[] = [];
  for (const make of [workloadA, workloadB]) {
    const w = make();
    if (only.includes(w.id)) workloads.push(await runWorkload(w, engines));
  }
  const targets = TARGETS.filter((t) => workloads.some((w) => w.id === t.workload)).map((t) => {
    const w = workloads.find((x) => x.id === t.workload)!;
    const measured = w.contenders.find((c) => c.name === t.peer)?.oursIsX;
    const verdict = measured === undefined ? 'N/A' : measured >= t.atLeast ? 'PASS' : 'FAIL';
    return { ...t, measured, verdict };
  });
  const totalSeconds = (performance.now() - started) / 1000;
  const machine = await machineInfo();

  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ machine, quick: flags.quick, totalSeconds, workloads, targets }, null, 2)}\n`);
  } else {
    const out: string[] = [];
    out.push(`backprop-bot engine benchmark (${machine.node}, ${machine.cpu}, ${machine.cores} cores, load ${machine.loadavg})`);
    out.push('Contenders run interleaved (round-robin) after one warm-up each; samples/s is the median; GFLOP/s is nominal: 6 x parameters x samples/s.');
    for (const w of workloads) {
      out.push('', `${w.title}`, `${w.parameters.toLocaleString('en-US')} parameters, ${w.samples.toLocaleString('en-US')} samples per run`);
      const rows = w.contenders.map((c) =>
        c.status === 'ok' && c.ms
          ? [c.name, String(c.repetitions), fmt(c.ms.median / 1000), `${fmt(c.ms.min / 1000)}-${fmt(c.ms.max / 1000)}`, fmt(c.samplesPerSecond!), fmt(c.gflops!), c.name === 'ours' ? '-' : `${fmt(c.oursIsX!)}x`, c.lastRun ? `${fmt(c.lastRun.finalLoss)} (${c.lastRun.lossName})` : '']
          : [c.name, '0', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', `${c.status}: ${c.problem}`],
      );
      out.push(formatTable(['contender', 'runs', 'median s', 'range s', 'samples/s', 'GFLOP/s', 'ours is', 'last-epoch loss'], rows));
      out.push(`check: ${w.check.ok ? 'OK' : 'FAILED'}: ${w.check.note}`);
      out.push('settings:');
      for (const c of w.contenders) out.push(`  ${c.name}: ${c.settings}`);
    }
    out.push('', 'Targets:');
    for (const t of targets) {
      out.push(`  ${t.verdict}  (${t.workload}) ours >= ${t.atLeast}x ${t.peer}: measured ${t.measured === undefined ? 'n/a' : `${fmt(t.measured)}x`}`);
    }
    out.push(`(total ${totalSeconds.toFixed(0)} s)`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  const broken = workloads.some((w) => !w.check.ok);
  process.exitCode = broken ? 2 : targets.some((t) => t.verdict === 'FAIL') ? 1 : 0;
}

await main();
