import { createRng } from '../engine/prng.js';
import type { Dataset } from './types.js';

/** Options shared by the generated 2-D datasets. */
export interface GeneratorOptions {
  /** Number of points (default 200). */
  size?: number;
  /** Noise level, 0 (clean) to 1 (very noisy) (default 0.1). */
  noise?: number;
  /** Seed for the generator (default 1). */
  seed?: number;
}

function twoD(name: string, xs: number[], labels: number[], classNames = ['0', '1']): Dataset {
  return {
    x: { rows: labels.length, cols: 2, data: Float64Array.from(xs) },
    labels: Int32Array.from(labels),
    meta: { name, featureNames: ['x1', 'x2'], classNames, kind: 'binary', is2d: true, synthetic: true },
  };
}

/**
 * XOR: points in four quadrants; the class is 1 when x1 and x2 have different signs.
 * @example xor({ size: 4, noise: 0 }) // the four corners (+-1, +-1)
 */
export function xor(options: GeneratorOptions = {}): Dataset {
  const { size = 200, noise = 0.1, seed = 1 } = options;
  const rng = createRng(seed);
  const xs: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < size; i++) {
    const a = i % 2 === 0 ? 1 : -1;
    const b = Math.floor(i / 2) % 2 === 0 ? 1 : -1;
    xs.push(a + noise * rng.normal(), b + noise * rng.normal());
    labels.push(a * b < 0 ? 1 : 0);
  }
  return twoD('xor', xs, labels);
}

/**
 * Two interleaved spirals (class 0 and class 1), as in TensorFlow Playground.
 * @example spiral({ size: 400, noise: 0.1, seed: 3 })
 */
export function spiral(options: GeneratorOptions = {}): Dataset {
  const { size = 400, noise = 0.1, seed = 1 } = options;
  const rng = createRng(seed);
  const xs: number[] = [];
  const labels: number[] = [];
  const perClass = Math.floor(size / 2);
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < perClass; i++) {
      const r = (i / perClass) * 5;
      const angle = (1.75 * i * 2 * Math.PI) / perClass + c * Math.PI;
      xs.push(r * Math.sin(angle) + noise * rng.normal(), r * Math.cos(angle) + noise * rng.normal());
      labels.push(c);
    }
  }
  return twoD('spiral', xs, labels);
}

/**
 * Two concentric classes, as in TensorFlow Playground: class 1 inside radius 2.5, class 0 on a ring
 * between radii 3.5 and 5.
 * @example circle({ size: 200, noise: 0.1, seed: 2 }).labels.filter((l) => l === 1).length // 100
 */
export function circle(options: GeneratorOptions = {}): Dataset {
  const { size = 200, noise = 0.1, seed = 1 } = options;
  const rng = createRng(seed);
  const xs: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < size; i++) {
    const inside = i % 2 === 0;
    const radius = inside ? 2.5 * rng.next() : 3.5 + 1.5 * rng.next();
    const angle = 2 * Math.PI * rng.next();
    xs.push(radius * Math.sin(angle) + noise * rng.normal(), radius * Math.cos(angle) + noise * rng.normal());
    labels.push(inside ? 1 : 0);
  }
  return twoD('circle', xs, labels);
}

/**
 * Two Gaussian clusters: class 1 around (2, 2), class 0 around (-2, -2); the spread grows with noise
 * (standard deviation 0.5 + 2 * noise).
 * @example gauss({ size: 100, noise: 0, seed: 1 }) // two tight, separable clusters
 */
export function gauss(options: GeneratorOptions = {}): Dataset {
  const { size = 200, noise = 0.1, seed = 1 } = options;
  const rng = createRng(seed);
  const spread = 0.5 + 2 * noise;
  const xs: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < size; i++) {
    const positive = i % 2 === 0;
    const centre = positive ? 2 : -2;
    xs.push(centre + spread * rng.normal(), centre + spread * rng.normal());
    labels.push(positive ? 1 : 0);
  }
  return twoD('gauss', xs, labels);
}

/**
 * Two interleaving half circles ("moons"): class 0 is the upper arc of the unit circle, class 1 the
 * lower arc shifted to (1, -0.5), each point moved by noise * a normal deviate.
 * @example moons({ size: 300, noise: 0.05, seed: 7 })
 */
export function moons(options: GeneratorOptions = {}): Dataset {
  const { size = 200, noise = 0.1, seed = 1 } = options;
  const rng = createRng(seed);
  const xs: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < size; i++) {
    const lower = i % 2 === 1;
    const angle = Math.PI * rng.next();
    const x = lower ? 1 - Math.cos(angle) : Math.cos(angle);
    const y = lower ? 0.5 - Math.sin(angle) : Math.sin(angle);
    xs.push(x + noise * rng.normal(), y + noise * rng.normal());
    labels.push(lower ? 1 : 0);
  }
  return twoD('moons', xs, labels);
}
