import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/prng.js';

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it('gives different streams for neighbouring seeds', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });

  it('pins the first values, so a change of generator (and of every seeded result) is noticed', () => {
    const rng = createRng(1);
    const values = [rng.next(), rng.next(), rng.next()];
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(values).toMatchInlineSnapshot(`
      [
        0.4256499295588583,
        0.79042171058245,
        0.6910148127935827,
      ]
    `);
  });

  it('draws normals with mean about 0 and standard deviation about 1', () => {
    const rng = createRng(7);
    const n = 20000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const v = rng.normal();
      sum += v;
      squares += v * v;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.sqrt(squares / n - mean * mean)).toBeCloseTo(1, 1);
  });

  it('shuffles to a permutation', () => {
    const array = Int32Array.from({ length: 50 }, (_, i) => i);
    createRng(3).shuffle(array);
    expect(Array.from(array).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(array)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
