import { describe, expect, it } from 'vitest';
import { boundaryLayout, renderDecisionBoundary, resolveDomain, type BoundaryInput, type RenderOptions } from '../../src/render/index.js';
import { cellColor, GRID_SIZE, niceTicks } from '../../src/render/decision-boundary.js';
import { classColor, paletteFor, parseHex } from '../../src/render/theme.js';
import { predictWith, threeClassNetwork, threeClassPoints, xorNetwork, xorPoints } from './fixtures.js';
import { decode, distance, isPng, nearest } from './png.js';

/** Class probabilities the model gives one point (binary expanded to two). */
function probabilitiesAt(input: BoundaryInput, x: number, y: number): number[] {
  const out = Array.from(input.predict(Float64Array.of(x, y), 1));
  return out.length === 1 ? [1 - out[0], out[0]] : out;
}

async function expectCornersMatchPredictions(input: BoundaryInput, options: RenderOptions): Promise<void> {
  const png = await renderDecisionBoundary(input, options);
  expect(isPng(png)).toBe(true);
  const image = await decode(png);
  const { scale, plot } = boundaryLayout(options);
  const domain = resolveDomain(input);
  const palette = paletteFor(options.theme);
  const hues = input.classNames.map((_, c) => classColor(palette, c));
  const inset = 3; // pixels, clear of the plot's border line
  const corners = [
    { px: plot.left * scale + inset, py: plot.top * scale + inset, x: domain.xMin, y: domain.yMax },
    { px: (plot.left + plot.width) * scale - inset, py: plot.top * scale + inset, x: domain.xMax, y: domain.yMax },
    { px: plot.left * scale + inset, py: (plot.top + plot.height) * scale - inset, x: domain.xMin, y: domain.yMin },
    { px: (plot.left + plot.width) * scale - inset, py: (plot.top + plot.height) * scale - inset, x: domain.xMax, y: domain.yMin },
  ];
  // Corner cells are sampled at their centres, half a cell in from the domain's corner.
  const halfCellX = (domain.xMax - domain.xMin) / GRID_SIZE / 2;
  const halfCellY = (domain.yMax - domain.yMin) / GRID_SIZE / 2;
  for (const corner of corners) {
    const cellX = corner.x + (corner.x === domain.xMin ? halfCellX : -halfCellX);
    const cellY = corner.y + (corner.y === domain.yMin ? halfCellY : -halfCellY);
    const probabilities = probabilitiesAt(input, cellX, cellY);
    const pixel = image.rgb(corner.px, corner.py);
    // The pixel is the colour the prediction there calls for...
    const expected = cellColor(palette, parseHex(palette.surface), probabilities, 0, probabilities.length);
    expect(distance(pixel, expected)).toBeLessThan(12);
    // ...and where the model is confident, its nearest pure hue is the predicted class's.
    const best = probabilities.indexOf(Math.max(...probabilities));
    if (probabilities[best] > 0.8) expect(nearest(pixel, hues)).toBe(hues[best]);
  }
}

describe('renderDecisionBoundary', () => {
  const xor: BoundaryInput = { predict: predictWith(xorNetwork()), points: xorPoints(), classNames: ['same', 'opposite'], featureNames: ['x1', 'x2'] };

  it('colours each corner of a binary heatmap by the class the network predicts there (dark)', async () => {
    await expectCornersMatchPredictions(xor, { locale: 'en' });
  });

  it('does the same in the light theme and pt-BR', async () => {
    await expectCornersMatchPredictions(xor, { locale: 'pt-BR', theme: 'light' });
  });

  it('handles multi-class probabilities (n x k) the same way', async () => {
    const three: BoundaryInput = { predict: predictWith(threeClassNetwork()), points: threeClassPoints(), classNames: ['A', 'B', 'C'] };
    await expectCornersMatchPredictions(three, { locale: 'en' });
  });

  it('draws the data points in their class colours over the heatmap', async () => {
    const options: RenderOptions = { locale: 'en' };
    const image = await decode(await renderDecisionBoundary(xor, options));
    const { scale, plot } = boundaryLayout(options);
    const domain = resolveDomain(xor);
    const palette = paletteFor('dark');
    let matches = 0;
    for (let i = 0; i < 20; i++) {
      const x = xor.points.x[2 * i];
      const y = xor.points.x[2 * i + 1];
      const px = (plot.left + ((x - domain.xMin) / (domain.xMax - domain.xMin)) * plot.width) * scale;
      const py = (plot.top + ((domain.yMax - y) / (domain.yMax - domain.yMin)) * plot.height) * scale;
      if (nearest(image.rgb(px, py), [palette.classes[0], palette.classes[1]]) === palette.classes[xor.points.labels[i]]) matches++;
    }
    // A later point can cover an earlier one; nearly all centres still show their own class.
    expect(matches).toBeGreaterThanOrEqual(18);
  });

  it('pads the domain around the points and keeps an explicit one', () => {
    const domain = resolveDomain({ points: { x: [0, 0, 10, 5], labels: [0, 1] } });
    expect(domain.xMin).toBeCloseTo(-0.8);
    expect(domain.xMax).toBeCloseTo(10.8);
    expect(domain.yMax).toBeCloseTo(5.4);
    const given = { xMin: -3, xMax: 3, yMin: -2, yMax: 2 };
    expect(resolveDomain({ points: { x: [0, 0], labels: [0] }, domain: given })).toBe(given);
  });

  it('rejects a predict function whose output does not fit the points', async () => {
    const broken: BoundaryInput = { ...xor, predict: (_points, n) => new Float64Array(n + 1) };
    expect(() => renderDecisionBoundary(broken, { locale: 'en' })).toThrow(RangeError);
  });

  it('picks round tick values', () => {
    expect(niceTicks(-1.16, 1.16)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(0, 100, 4)).toEqual([0, 25, 50, 75, 100]);
  });
});
