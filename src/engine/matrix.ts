/**
 * Dense row-major matrices over typed arrays, and the three matrix products that forward and
 * backward propagation need. One code path serves float64 (exact lessons, gradient checks) and
 * float32 (speed): the kernels read and write either array type and accumulate in JS doubles. The
 * one source is compiled once per array type (see `specialise`), so neither slows the other down.
 *
 * The products are register-tiled 4x4: each pass of the inner loop loads four values of each
 * operand and updates sixteen accumulators kept in locals, which is what makes plain TypeScript
 * reach a few GFLOP/s.
 */
export type DType = 'float32' | 'float64';
export type Floats = Float32Array | Float64Array;

export interface Matrix {
  rows: number;
  cols: number;
  /** rows * cols values, row after row. */
  data: Floats;
}

export function allocate(dtype: DType, length: number): Floats {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

export function dtypeOf(array: Floats): DType {
  return array instanceof Float32Array ? 'float32' : 'float64';
}

/** A matrix from nested arrays (each inner array one row). */
export function fromRows(rows: ArrayLike<ArrayLike<number>>, dtype: DType = 'float64'): Matrix {
  const count = rows.length;
  const cols = count === 0 ? 0 : rows[0].length;
  const data = allocate(dtype, count * cols);
  for (let i = 0; i < count; i++) {
    const row = rows[i];
    if (row.length !== cols) throw new RangeError(`row ${i} has ${row.length} values, expected ${cols}`);
    for (let j = 0; j < cols; j++) data[i * cols + j] = row[j];
  }
  return { rows: count, cols, data };
}

/** Nested arrays from a matrix (for JSON and for people). */
export function toRows(matrix: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < matrix.rows; i++) {
    out.push(Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols)));
  }
  return out;
}

/** The same values in another storage type (a copy, even when the type matches). */
export function convert(matrix: Matrix, dtype: DType): Matrix {
  const data = allocate(dtype, matrix.rows * matrix.cols);
  data.set(matrix.data);
  return { rows: matrix.rows, cols: matrix.cols, data };
}

/**
 * C[m x n] = A[m x k] . B[k x n] (+ bias[n] on every row when given). Overwrites C.
 * Forward pass: Z = X . W + b.
 */
export function gemmNN(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, bias: Floats | null): void {
  kernelsFor(c).gemmNN(a, b, c, m, k, n, bias);
}

/**
 * C[m x n] = A^T . B with A[k x m] and B[k x n]. Overwrites C.
 * Weight gradients: dW = X^T . dZ (k is the batch).
 */
export function gemmTN(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number): void {
  kernelsFor(c).gemmTN(a, b, c, m, k, n);
}

/**
 * C[m x n] = A . B^T with A[m x k] and B[n x k]. Overwrites C.
 * Passing blame backwards: dX = dZ . W^T (W stored as [inputs x units], so k is the layer's units).
 */
export function gemmNT(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number): void {
  kernelsFor(c).gemmNT(a, b, c, m, k, n);
}

// ---------------------------------------------------------------------------------------------
// One source, one compiled copy per storage type.
//
// V8 keeps type feedback per function, so a kernel that has seen both Float32Array and
// Float64Array runs polymorphic element loads in its inner loop: measured 1.5-2x slower on a
// 784-128-10 network when a float64 network trained earlier in the same process. The kernels below
// are written once and compiled twice by `specialise`, so each copy only ever sees one array type.

/**
 * A separately compiled copy of `fn`, so that V8 keeps its own type feedback (and optimised code)
 * for it. `fn` must be self-contained: it may use its arguments, locals and globals such as Math,
 * nothing from the surrounding module. Returns `fn` itself when code generation from strings is
 * not allowed.
 */
export function specialise<F extends (...args: never[]) => unknown>(fn: F): F {
  try {
    return new Function(`return (${fn.toString()});`)() as F;
  } catch {
    return fn;
  }
}

interface Kernels {
  gemmNN: typeof gemmNNKernel;
  gemmTN: typeof gemmTNKernel;
  gemmNT: typeof gemmNTKernel;
}

/** Copies of the kernels for one array type, checked against the originals on a small product that uses every code path. */
function compileKernels(dtype: DType): Kernels {
  const copies: Kernels = { gemmNN: specialise(gemmNNKernel), gemmTN: specialise(gemmTNKernel), gemmNT: specialise(gemmNTKernel) };
  const originals: Kernels = { gemmNN: gemmNNKernel, gemmTN: gemmTNKernel, gemmNT: gemmNTKernel };
  try {
    const m = 6, k = 5, n = 7;
    const a = allocate(dtype, m * k).map((_, i) => ((i * 7) % 11) - 5);
    const b = allocate(dtype, k * n).map((_, i) => ((i * 5) % 13) - 6);
    const bias = allocate(dtype, n).map((_, i) => i - 3);
    const same = (run: (kernels: Kernels, c: Floats) => void, size: number): boolean => {
      const expected = allocate(dtype, size);
      const actual = allocate(dtype, size);
      run(originals, expected);
      run(copies, actual);
      return expected.every((v, i) => v === actual[i]);
    };
    const ok =
      same((K, c) => K.gemmNN(a, b, c, m, k, n, bias), m * n) &&
      same((K, c) => K.gemmTN(a, a, c, k, m, k), k * k) &&
      same((K, c) => K.gemmNT(b, b, c, k, n, k), k * k);
    return ok ? copies : originals;
  } catch {
    // A copy that cannot run here (e.g. code instrumented with references to module variables).
    return originals;
  }
}

const float32Kernels = compileKernels('float32');
const float64Kernels = compileKernels('float64');

/** True when each storage type got its own compiled kernels (false only in the fallback described above). */
export const kernelsSpecialised = float32Kernels.gemmNN !== gemmNNKernel && float64Kernels.gemmNN !== gemmNNKernel;

function kernelsFor(c: Floats): Kernels {
  return c instanceof Float32Array ? float32Kernels : float64Kernels;
}

// The kernels. Self-contained on purpose (see `specialise`): they use nothing but their arguments.

/** gemmNN: C = A . B (+ bias). */
function gemmNNKernel(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, bias: Floats | null): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const r0 = i * k;
    const r1 = r0 + k;
    const r2 = r1 + k;
    const r3 = r2 + k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = bias === null ? 0 : bias[j];
      const b1 = bias === null ? 0 : bias[j + 1];
      const b2 = bias === null ? 0 : bias[j + 2];
      const b3 = bias === null ? 0 : bias[j + 3];
      let c00 = b0, c01 = b1, c02 = b2, c03 = b3;
      let c10 = b0, c11 = b1, c12 = b2, c13 = b3;
      let c20 = b0, c21 = b1, c22 = b2, c23 = b3;
      let c30 = b0, c31 = b1, c32 = b2, c33 = b3;
      for (let p = 0, q = j; p < k; p++, q += n) {
        const w0 = b[q], w1 = b[q + 1], w2 = b[q + 2], w3 = b[q + 3];
        const x0 = a[r0 + p], x1 = a[r1 + p], x2 = a[r2 + p], x3 = a[r3 + p];
        c00 += x0 * w0; c01 += x0 * w1; c02 += x0 * w2; c03 += x0 * w3;
        c10 += x1 * w0; c11 += x1 * w1; c12 += x1 * w2; c13 += x1 * w3;
        c20 += x2 * w0; c21 += x2 * w1; c22 += x2 * w2; c23 += x2 * w3;
        c30 += x3 * w0; c31 += x3 * w1; c32 += x3 * w2; c33 += x3 * w3;
      }
      let o = i * n + j;
      c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += n;
      c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += n;
      c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += n;
      c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
    }
    for (let j = n4; j < n; j++) {
      const bj = bias === null ? 0 : bias[j];
      let c0 = bj, c1 = bj, c2 = bj, c3 = bj;
      for (let p = 0, q = j; p < k; p++, q += n) {
        const w = b[q];
        c0 += a[r0 + p] * w; c1 += a[r1 + p] * w; c2 += a[r2 + p] * w; c3 += a[r3 + p] * w;
      }
      c[i * n + j] = c0; c[(i + 1) * n + j] = c1; c[(i + 2) * n + j] = c2; c[(i + 3) * n + j] = c3;
    }
  }
  for (let i = m4; i < m; i++) {
    const r = i * k;
    for (let j = 0; j < n; j++) {
      let sum = bias === null ? 0 : bias[j];
      for (let p = 0, q = j; p < k; p++, q += n) sum += a[r + p] * b[q];
      c[i * n + j] = sum;
    }
  }
}

/** gemmTN: C = A^T . B. */
function gemmTNKernel(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0, ap = i, bp = j; p < k; p++, ap += m, bp += n) {
        const x0 = a[ap], x1 = a[ap + 1], x2 = a[ap + 2], x3 = a[ap + 3];
        const y0 = b[bp], y1 = b[bp + 1], y2 = b[bp + 2], y3 = b[bp + 3];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = i * n + j;
      c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += n;
      c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += n;
      c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += n;
      c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
    }
    for (let j = n4; j < n; j++) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let p = 0, ap = i, bp = j; p < k; p++, ap += m, bp += n) {
        const y = b[bp];
        c0 += a[ap] * y; c1 += a[ap + 1] * y; c2 += a[ap + 2] * y; c3 += a[ap + 3] * y;
      }
      c[i * n + j] = c0; c[(i + 1) * n + j] = c1; c[(i + 2) * n + j] = c2; c[(i + 3) * n + j] = c3;
    }
  }
  for (let i = m4; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[p * m + i] * b[p * n + j];
      c[i * n + j] = sum;
    }
  }
}

/** gemmNT: C = A . B^T. */
function gemmNTKernel(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
        const y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = i * n + j;
      c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += n;
      c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += n;
      c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += n;
      c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
    }
    for (let j = n4; j < n; j++) {
      const bj = j * k;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let p = 0; p < k; p++) {
        const y = b[bj + p];
        c0 += a[a0 + p] * y; c1 += a[a1 + p] * y; c2 += a[a2 + p] * y; c3 += a[a3 + p] * y;
      }
      c[i * n + j] = c0; c[(i + 1) * n + j] = c1; c[(i + 2) * n + j] = c2; c[(i + 3) * n + j] = c3;
    }
  }
  for (let i = m4; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[i * k + p] * b[j * k + p];
      c[i * n + j] = sum;
    }
  }
}
