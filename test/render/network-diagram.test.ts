import { describe, expect, it } from 'vitest';
import { layoutNetwork, renderNetworkDiagram, type NetworkDiagramOptions } from '../../src/render/index.js';
import { visibleUnits } from '../../src/render/network-diagram.js';
import { paletteFor } from '../../src/render/theme.js';
import { STROKE_FEATURES, strokeLikeNetwork, traceSample, xorNetwork } from './fixtures.js';
import { decode, inkShare, isPng, nearest } from './png.js';

/** The pixel a fraction `t` of the way along the edge from input unit `from` to hidden unit `to`. */
function edgePoint(options: NetworkDiagramOptions, from: number, to: number, t: number): [number, number] {
  const layout = layoutNetwork(xorNetwork(), options);
  const a = layout.columns[0].neurons.find((n) => n.unit === from)!;
  const b = layout.columns[1].neurons.find((n) => n.unit === to)!;
  return [(a.x + (b.x - a.x) * t) * layout.scale, (a.y + (b.y - a.y) * t) * layout.scale];
}

describe('renderNetworkDiagram', () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`draws the strongest positive edge in the positive hue and a strong negative one in the negative hue (${theme})`, async () => {
      const options: NetworkDiagramOptions = { locale: 'en', theme, featureNames: ['x1', 'x2'] };
      const palette = paletteFor(theme);
      const png = await renderNetworkDiagram(xorNetwork(), options);
      expect(isPng(png)).toBe(true);
      const image = await decode(png);
      const hues = [palette.positive, palette.negative, palette.background, palette.neuronFill];
      // x1 -> hidden 0 has weight +6, the largest in the net; x1 -> hidden 1 has -5.
      expect(nearest(image.rgb(...edgePoint(options, 0, 0, 0.35)), hues)).toBe(palette.positive);
      expect(nearest(image.rgb(...edgePoint(options, 0, 1, 0.3)), hues)).toBe(palette.negative);
    });
  }

  it('caps large layers and says how many neurons are hidden', () => {
    const layout = layoutNetwork(strokeLikeNetwork(), { locale: 'en', featureNames: STROKE_FEATURES });
    expect(layout.columns.map((c) => c.neurons.length)).toEqual([10, 10, 10, 1]);
    expect(layout.columns.map((c) => c.hiddenCount)).toEqual([4, 22, 6, 0]);
    expect(visibleUnits(32, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 31]);
    // Drawn neurons stay inside the page.
    for (const column of layout.columns) {
      for (const neuron of column.neurons) {
        expect(neuron.x).toBeGreaterThan(0);
        expect(neuron.x).toBeLessThan(480);
        expect(neuron.y).toBeLessThan(380);
      }
    }
  });

  it('fills neurons by activation: a confident output is in the positive hue', async () => {
    const options: NetworkDiagramOptions = { locale: 'pt-BR', view: 'activations', sample: traceSample(xorNetwork(), [0.6, -0.4], 1) };
    const palette = paletteFor('dark');
    const image = await decode(await renderNetworkDiagram(xorNetwork(), options));
    const layout = layoutNetwork(xorNetwork(), options);
    const output = layout.columns[2].neurons[0];
    // Sample above the printed value, inside the circle.
    const pixel = image.rgb(output.x * layout.scale, (output.y - layout.radius * 0.7) * layout.scale);
    expect(nearest(pixel, [palette.positive, palette.negative, palette.neuronFill])).toBe(palette.positive);
  });

  it('fills neurons by blame: the unit with the largest delta takes the blame colour, inputs none', async () => {
    const sample = traceSample(xorNetwork(), [0.6, -0.4], 1);
    const options: NetworkDiagramOptions = { locale: 'en', theme: 'light', view: 'blame', sample };
    const palette = paletteFor('light');
    const image = await decode(await renderNetworkDiagram(xorNetwork(), options));
    const layout = layoutNetwork(xorNetwork(), options);
    const hiddenDeltas = Array.from(sample.deltas[0], Math.abs);
    const culprit = hiddenDeltas.indexOf(Math.max(...hiddenDeltas));
    const at = (column: number, unit: number) => {
      const n = layout.columns[column].neurons[unit];
      return image.rgb(n.x * layout.scale, (n.y - layout.radius * 0.7) * layout.scale);
    };
    expect(nearest(at(1, culprit), [palette.blame, palette.neuronFill])).toBe(palette.blame);
    expect(nearest(at(0, 0), [palette.blame, palette.neuronFill])).toBe(palette.neuronFill);
  });

  it('writes labels: the left margin has ink where the feature names are', async () => {
    const options: NetworkDiagramOptions = { locale: 'en', featureNames: ['a long feature name', 'b'] };
    const image = await decode(await renderNetworkDiagram(xorNetwork(), options));
    const layout = layoutNetwork(xorNetwork(), options);
    expect(layout.leftLabelWidth).toBeGreaterThan(60);
    const first = layout.columns[0].neurons[0];
    let ink = 0;
    const background = paletteFor('dark').background;
    for (let x = 14; x < first.x - layout.radius - 8; x++) {
      if (nearest(image.rgb(x * layout.scale, first.y * layout.scale), [background, '#f2f3f5']) !== background) ink++;
    }
    expect(ink).toBeGreaterThan(3);
    expect(inkShare(image, background)).toBeGreaterThan(0.03);
  });

  it('is deterministic', async () => {
    const options: NetworkDiagramOptions = { locale: 'en', featureNames: STROKE_FEATURES };
    const [a, b] = [await renderNetworkDiagram(strokeLikeNetwork(), options), await renderNetworkDiagram(strokeLikeNetwork(), options)];
    expect(a.equals(b)).toBe(true);
  });
});
