import { describe, expect, it } from 'vitest';
import { renderTrainingGif } from '../../src/render/index.js';
import { pickEvenly } from '../../src/render/training-gif.js';
import { paletteFor } from '../../src/render/theme.js';
import { xorFrames, xorPoints } from './fixtures.js';
import { decode, gifFrameCount, inkShare } from './png.js';

describe('renderTrainingGif', () => {
  const data = { points: xorPoints(), classNames: ['same', 'opposite'] };

  it('animates the decision boundary, one frame per snapshot, under the size limit', async () => {
    const gif = await renderTrainingGif(xorFrames(8), { locale: 'en', kind: 'boundary', data });
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(gifFrameCount(gif)).toBe(8);
    expect(gif.length).toBeLessThan(10 * 1024 * 1024);
    const first = await decode(gif);
    expect(first.width).toBe(480);
    // The first snapshot is nearly untrained (a faint heatmap), but the points and axes are there.
    expect(inkShare(first, paletteFor('dark').background)).toBeGreaterThan(0.05);
  });

  it('animates the weights', async () => {
    const gif = await renderTrainingGif(xorFrames(5), { locale: 'pt-BR', theme: 'light', kind: 'weights' });
    expect(gifFrameCount(gif)).toBe(5);
  });

  it('keeps at most maxFrames, evenly spaced, and drops frames to meet a byte budget', async () => {
    const frames = xorFrames(12);
    expect(gifFrameCount(await renderTrainingGif(frames, { locale: 'en', kind: 'weights', maxFrames: 4 }))).toBe(4);
    const full = await renderTrainingGif(frames, { locale: 'en', kind: 'weights', maxFrames: 12 });
    const budget = Math.floor(full.length * 0.6);
    const squeezed = await renderTrainingGif(frames, { locale: 'en', kind: 'weights', maxFrames: 12, maxBytes: budget });
    expect(squeezed.length).toBeLessThanOrEqual(budget);
    expect(gifFrameCount(squeezed)).toBeLessThan(12);
  });

  it('picks evenly spaced snapshots including the first and last', () => {
    expect(pickEvenly([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(pickEvenly([1, 2], 5)).toEqual([1, 2]);
  });

  it('says what is missing for a boundary animation', async () => {
    await expect(renderTrainingGif(xorFrames(2), { locale: 'en', kind: 'boundary' })).rejects.toThrow(TypeError);
  });
});
