/**
 * Every number a worked example quotes equals what the engine computes: the test recomputes it
 * here, independently of the generators, and looks for it formatted with formatNumber.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/index.js';
import { binaryMetrics, createNetwork, getActivation, traceSample } from '../../src/engine/index.js';
import { buildLesson, formatNumber, formatPercent } from '../../src/lessons/index.js';
import { BACKPROP_EXAMPLE } from '../../src/lessons/generators/backprop.js';
import { computeDescent, LEARNING_RATES } from '../../src/lessons/generators/gradient-descent.js';
import { NEURON_EXAMPLE } from '../../src/lessons/generators/neuron.js';
import type { Locale } from '../../src/locales/index.js';

/** The numbers written in a text, as strings in the locale's notation. */
function numbersIn(text: string, locale: Locale): string[] {
  const decimal = locale === 'pt-BR' ? ',' : '\\.';
  return text.match(new RegExp(`-?\\d+(?:${decimal}\\d+)?`, 'g')) ?? [];
}

describe.each<Locale>(['en', 'pt-BR'])('backprop worked example (%s)', (locale) => {
  const f = (v: number) => formatNumber(v, locale);

  it('quotes the forward values, the blame, the gradients and the updated weights the engine computes', async () => {
    const posts = await buildLesson('backprop', locale);
    const net = createNetwork(BACKPROP_EXAMPLE.spec);
    const W1 = Array.from(net.layers[0].weights);
    const W2 = Array.from(net.layers[1].weights);
    const trace = traceSample(net, BACKPROP_EXAMPLE.input, BACKPROP_EXAMPLE.target);
    const [hidden, output] = trace.layers;
    const text = (n: number) => posts[n - 1].content;

    // 2/9: the starting weights
    for (const w of [...W1, ...W2]) expect(text(2)).toContain(f(w));
    // 3/9: each employee's z and activation, in "h1: z = … = z → a = a" lines
    const lines = text(3).split('\n').filter((l) => /^- h\d:/.test(l));
    expect(lines).toHaveLength(2);
    lines.forEach((line, j) => {
      const numbers = numbersIn(line.split('=').slice(-1)[0], locale);
      expect(line).toContain(`= ${f(hidden.z[j])} → a = ${f(hidden.a[j])}`);
      expect(numbers.at(-1)).toBe(f(hidden.a[j]));
    });
    // 4/9: the output, the loss
    expect(text(4)).toContain(`p = **${f(trace.output[0])}**`);
    expect(text(4)).toContain(`**${f(trace.loss)}**`);
    expect(trace.loss).toBeCloseTo(-Math.log(trace.output[0]), 10);
    // 5/9: the CEO's blame is p - y
    expect(output.delta[0]).toBeCloseTo(trace.output[0] - 1, 12);
    expect(text(5)).toContain(`**${f(output.delta[0])}**`);
    // 6/9: each employee's blame = δ_out · w · a(1-a), and that is what the engine's backward gives
    hidden.delta.forEach((delta, j) => {
      expect(delta).toBeCloseTo(output.delta[0] * W2[j] * hidden.a[j] * (1 - hidden.a[j]), 12);
      expect(text(6)).toContain(`**${f(delta)}**`);
    });
    // 7/9: gradients = input · δ
    hidden.weightGrads.forEach((g, k) => {
      expect(g).toBeCloseTo(BACKPROP_EXAMPLE.input[Math.floor(k / 2)] * hidden.delta[k % 2], 12);
      expect(text(7)).toContain(`= ${f(g)}`);
    });
    output.weightGrads.forEach((g) => expect(text(7)).toContain(`= ${f(g)}`));
    // 8/9: w - η·g, recomputed by hand
    const eta = BACKPROP_EXAMPLE.learningRate;
    W1.forEach((w, k) => expect(text(8)).toContain(`= ${f(w - eta * hidden.weightGrads[k])}`));
    W2.forEach((w, k) => expect(text(8)).toContain(`= ${f(w - eta * output.weightGrads[k])}`));
    // and the loss after the step
    net.restore([
      W1.map((w, k) => w - eta * hidden.weightGrads[k]),
      hidden.biasGrads.map((g) => -eta * g),
      W2.map((w, k) => w - eta * output.weightGrads[k]),
      output.biasGrads.map((g) => -eta * g),
    ]);
    const after = traceSample(net, BACKPROP_EXAMPLE.input, BACKPROP_EXAMPLE.target);
    expect(after.loss).toBeLessThan(trace.loss);
    expect(text(8)).toContain(`**${f(after.loss)}**`);
  });

  it('uses the engine\'s own formula strings', async () => {
    const posts = await buildLesson('backprop', locale);
    expect(posts[2].content).toContain(getActivation('sigmoid').formula);
    expect(posts[5].content).toContain(getActivation('sigmoid').derivative);
  });
});

describe('neuron worked example', () => {
  it('quotes z and σ(z) as the engine computes them', async () => {
    const net = createNetwork({ inputs: 2, layers: [{ units: 1, activation: 'sigmoid' }], loss: 'binary-cross-entropy', dtype: 'float64' });
    net.restore([NEURON_EXAMPLE.weights, [NEURON_EXAMPLE.bias]]);
    const trace = traceSample(net, NEURON_EXAMPLE.input, [1]);
    for (const locale of ['en', 'pt-BR'] as const) {
      const posts = await buildLesson('neuron', locale);
      expect(posts[2].content).toContain(`**${formatNumber(trace.layers[0].z[0], locale)}**`);
      expect(posts[3].content).toContain(`**${formatNumber(trace.layers[0].a[0], locale)}**`);
    }
  });
});

describe('gradient-descent', () => {
  it('shows the too-high learning rate diverging, with the engine\'s own message', async () => {
    const runs = await computeDescent();
    expect(runs.tooHigh.status).toBe('diverged');
    expect(runs.justRight.status).toBe('completed');
    const small = runs.tooSmall.history.trainLoss;
    const right = runs.justRight.history.trainLoss;
    expect(right.at(-1)!).toBeLessThan(small.at(-1)!);
    for (const locale of ['en', 'pt-BR'] as const) {
      const text = (await buildLesson('gradient-descent', locale)).map((p) => p.content).join('\n');
      expect(text).toContain(runs.tooHigh.divergence!.error.localized(locale));
      expect(text).toContain(formatNumber(small.at(-1)!, locale));
      expect(text).toContain(formatNumber(right.at(-1)!, locale));
      expect(text).toContain(`η = ${formatNumber(LEARNING_RATES.tooHigh, locale, 0)}`);
    }
  });
});

describe('imbalance', () => {
  it('computes the always-"no" accuracy on the synthetic stroke rows and says they are synthetic', async () => {
    const table = await loadDataset('stroke', { env: {} });
    expect(table.meta.synthetic).toBe(true);
    const baseline = binaryMetrics(table.labels, new Float64Array(table.labels.length));
    expect(baseline.accuracy).toBeGreaterThan(0.9);
    for (const locale of ['en', 'pt-BR'] as const) {
      const posts = await buildLesson('imbalance', locale);
      expect(posts[1].content).toContain(`**${formatPercent(baseline.accuracy, locale)}**`);
      expect(posts[1].content).toMatch(locale === 'en' ? /SYNTHETIC/ : /SINTÉTICO|sintétic/i);
    }
  });
});
