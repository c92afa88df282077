import { describe, expect, it } from 'vitest';
import { rocCurve } from '../../src/engine/index.js';
import { confusionLayout, renderConfusionMatrix, renderRocCurve, type ConfusionInput, type RenderOptions } from '../../src/render/index.js';
import { paletteFor } from '../../src/render/theme.js';
import { countNear, decode, inkShare, isPng, nearest } from './png.js';

describe('renderConfusionMatrix', () => {
  const input: ConfusionInput = { counts: [[812, 41], [19, 28]], classNames: ['no stroke', 'stroke'] };

  for (const theme of ['dark', 'light'] as const) {
    it(`tints correct cells with the positive hue and mistakes with the negative hue (${theme})`, async () => {
      const options: RenderOptions = { locale: 'en', theme };
      const png = await renderConfusionMatrix(input, options);
      expect(isPng(png)).toBe(true);
      const image = await decode(png);
      const { scale, gridLeft, gridTop, cell } = confusionLayout(input, options);
      const palette = paletteFor(theme);
      // A point in each cell's corner area, away from the printed numbers.
      const at = (row: number, col: number) => image.rgb((gridLeft + col * cell + 8) * scale, (gridTop + row * cell + 8) * scale);
      const hues = [palette.positive, palette.negative];
      expect(nearest(at(0, 0), hues)).toBe(palette.positive);
      expect(nearest(at(1, 1), hues)).toBe(palette.positive);
      expect(nearest(at(0, 1), hues)).toBe(palette.negative);
      expect(nearest(at(1, 0), hues)).toBe(palette.negative);
    });
  }

  it('draws many classes without failing and with ink on the page', async () => {
    const counts = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 50 : i + j)));
    const image = await decode(await renderConfusionMatrix({ counts, classNames: ['a', 'b', 'c', 'd', 'e', 'f'] }, { locale: 'pt-BR' }));
    expect(inkShare(image, paletteFor('dark').background)).toBeGreaterThan(0.3);
  });
});

describe('renderRocCurve', () => {
  it('draws the curve in the positive hue and the chance line, in both themes', async () => {
    for (const theme of ['dark', 'light'] as const) {
      const png = await renderRocCurve({ points: rocCurve([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]), auc: 0.889 }, { locale: 'en', theme });
      const image = await decode(png);
      const palette = paletteFor(theme);
      expect([image.width, image.height]).toEqual([960, 880]);
      expect(countNear(image, palette.positive, 20)).toBeGreaterThan(400);
      expect(countNear(image, palette.mutedText, 20)).toBeGreaterThan(400);
    }
  });
});
