import { describe, expect, it } from 'vitest';
import { allocate, gemmNN, gemmNT, gemmTN, kernelsSpecialised, type DType } from '../../src/engine/matrix.js';
import { createRng } from '../../src/engine/prng.js';

function random(dtype: DType, length: number, seed: number) {
  const rng = createRng(seed);
  const out = allocate(dtype, length);
  for (let i = 0; i < length; i++) out[i] = rng.normal();
  return out;
}

/** The textbook triple loop, as the reference the tiled kernels must match. */
function naive(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number, at: (i: number, p: number) => number, bt: (p: number, j: number) => number) {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j] += at(i, p) * bt(p, j);
  return c;
}

// Sizes that hit the 4x4 tiles, the leftover rows and the leftover columns.
const shapes = [
  [1, 1, 1],
  [4, 4, 4],
  [5, 3, 7],
  [8, 9, 10],
  [13, 6, 2],
];

describe.each<DType>(['float64', 'float32'])('matrix products over %s', (dtype) => {
  const tolerance = dtype === 'float64' ? 1e-12 : 1e-5;
  it.each(shapes)('gemmNN (A.B + bias) matches the triple loop for %i x %i x %i', (m, k, n) => {
    const a = random(dtype, m * k, 1);
    const b = random(dtype, k * n, 2);
    const bias = random(dtype, n, 3);
    const c = allocate(dtype, m * n);
    gemmNN(a, b, c, m, k, n, bias);
    const expected = naive(a, b, m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]);
    for (let i = 0; i < m * n; i++) expect(c[i]).toBeCloseTo(expected[i] + bias[i % n], dtype === 'float64' ? 10 : 4);
    expect(tolerance).toBeGreaterThan(0);
  });
  it.each(shapes)('gemmTN (A^T.B) matches the triple loop for %i x %i x %i', (m, k, n) => {
    const a = random(dtype, k * m, 4);
    const b = random(dtype, k * n, 5);
    const c = allocate(dtype, m * n);
    gemmTN(a, b, c, m, k, n);
    const expected = naive(a, b, m, k, n, (i, p) => a[p * m + i], (p, j) => b[p * n + j]);
    for (let i = 0; i < m * n; i++) expect(c[i]).toBeCloseTo(expected[i], dtype === 'float64' ? 10 : 4);
  });
  it.each(shapes)('gemmNT (A.B^T) matches the triple loop for %i x %i x %i', (m, k, n) => {
    const a = random(dtype, m * k, 6);
    const b = random(dtype, n * k, 7);
    const c = allocate(dtype, m * n);
    gemmNT(a, b, c, m, k, n);
    const expected = naive(a, b, m, k, n, (i, p) => a[i * k + p], (p, j) => b[j * k + p]);
    for (let i = 0; i < m * n; i++) expect(c[i]).toBeCloseTo(expected[i], dtype === 'float64' ? 10 : 4);
  });
});

describe('kernel specialisation', () => {
  // Each storage type runs its own compiled copy of the kernels, so float32 training stays fast after
  // float64 work in the same process. A kernel that reaches outside its own arguments breaks that
  // silently (the engine falls back to the shared kernels): this test says so.
  it('compiles one copy of the kernels per storage type', () => {
    expect(kernelsSpecialised).toBe(true);
  });
});
