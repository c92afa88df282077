import { describe, expect, it } from 'vitest';
import { renderLossCurve, wantsLogScale } from '../../src/render/index.js';
import { paletteFor } from '../../src/render/theme.js';
import { lossHistory } from './fixtures.js';
import { countNear, decode, inkShare, isPng } from './png.js';

describe('renderLossCurve', () => {
  it('draws a PNG of the default size with both curves in their hues', async () => {
    const png = await renderLossCurve(lossHistory(120), { locale: 'en' });
    expect(isPng(png)).toBe(true);
    const image = await decode(png);
    expect([image.width, image.height]).toEqual([960, 640]);
    const palette = paletteFor('dark');
    expect(inkShare(image, palette.background)).toBeGreaterThan(0.03);
    expect(countNear(image, palette.positive, 30)).toBeGreaterThan(500);
    expect(countNear(image, palette.negative, 30)).toBeGreaterThan(500);
  });

  it('marks the best epoch and the early stop only when the history has them', async () => {
    const palette = paletteFor('light');
    const history = lossHistory(200, { earlyStop: true });
    const marked = await decode(await renderLossCurve(history, { locale: 'pt-BR', theme: 'light' }));
    const plain = await decode(
      await renderLossCurve({ trainLoss: history.trainLoss, validationLoss: history.validationLoss }, { locale: 'pt-BR', theme: 'light' }),
    );
    expect(countNear(marked, palette.accent, 30)).toBeGreaterThan(300);
    expect(countNear(plain, palette.accent, 30)).toBe(0);
  });

  it('uses the light background in the light theme and honours width and height', async () => {
    const image = await decode(await renderLossCurve(lossHistory(50), { locale: 'en', theme: 'light', width: 600, height: 300 }));
    expect([image.width, image.height]).toEqual([600, 300]);
    expect(image.rgb(2, 2)).toEqual([255, 255, 255]);
  });

  it('switches to a log axis only when the losses span a wide range', () => {
    expect(wantsLogScale({ trainLoss: [0.7, 0.5, 0.4] })).toBe(false);
    expect(wantsLogScale({ trainLoss: [2, 0.5, 0.01] })).toBe(true);
    expect(wantsLogScale({ trainLoss: [2, 0, 0.01] })).toBe(false);
  });

  it('survives a diverged run (NaN and Infinity become gaps)', async () => {
    const png = await renderLossCurve({ trainLoss: [0.7, 0.6, Number.NaN, Infinity] }, { locale: 'en' });
    expect(inkShare(await decode(png), paletteFor('dark').background)).toBeGreaterThan(0.01);
  });

  it('renders 2,000 epochs in well under a second, identically each time', async () => {
    const history = lossHistory(2000);
    await renderLossCurve(history, { locale: 'en' }); // warm-up: module and font loading
    const started = performance.now();
    const first = await renderLossCurve(history, { locale: 'en' });
    expect(performance.now() - started).toBeLessThan(700);
    const second = await renderLossCurve(history, { locale: 'en' });
    expect(second.equals(first)).toBe(true);
  });

  it('refuses an empty history', () => {
    expect(() => renderLossCurve({ trainLoss: [] }, { locale: 'en' })).toThrow(RangeError);
  });
});
