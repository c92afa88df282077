/**
 * A seeded pseudo-random number generator (sfc32, seeded through splitmix32).
 *
 * Only 32-bit integer operations (Math.imul, shifts) decide the stream, so the same seed gives the
 * same numbers on any machine. Normal deviates use Box-Muller over V8's Math.log/Math.cos, which are
 * fdlibm ports and therefore also identical across machines running Node.
 *
 * @example
 * const rng = createRng(42);
 * rng.next();     // 0.0.. <= x < 1
 * rng.normal();   // standard normal deviate
 * rng.int(10);    // 0..9
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (mean 0, sd 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Shuffles `array` in place (Fisher-Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: number | unknown }>(array: T): T;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  // Fold fractional or large seeds into 32 bits deterministically.
  const seeder = splitmix32(Math.floor(seed) ^ Math.floor(seed / 2 ** 32));
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = seeder();
  let spare: number | null = null;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32(); // warm up: decorrelate nearby seeds

  const next = (): number => nextUint32() / 4294967296;

  return {
    next,
    normal(): number {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    int(n: number): number {
      return Math.floor(next() * n);
    },
    shuffle(array) {
      for (let i = array.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = array[i];
        array[i] = array[j];
        array[j] = tmp;
      }
      return array;
    },
  };
}
