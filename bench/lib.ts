/**
 * Shared helpers for the benchmarks (bench:engine, and later bench:queue, bench:bot): command-line
 * flags, timing, medians, interleaved repetitions and a plain-text table.
 *
 * The machine is shared and noisy, so every benchmark measures its contenders interleaved in one run
 * (round-robin over repetitions) and reports medians and ratios, never a single timing.
 */

export interface BenchFlags {
  /** Fewer repetitions and smaller workloads where the benchmark allows it. */
  quick: boolean;
  /** Print one JSON document on stdout instead of tables. */
  json: boolean;
  /** Other `--name` or `--name=value` flags, for benchmark-specific options. */
  extra: Record<string, string | true>;
}

/** @example parseFlags(['--quick', '--only=ours']) // { quick: true, json: false, extra: { only: 'ours' } } */
export function parseFlags(argv: readonly string[] = process.argv.slice(2)): BenchFlags {
  const flags: BenchFlags = { quick: false, json: false, extra: {} };
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) continue;
    const [, name, value] = match;
    if (name === 'quick') flags.quick = true;
    else if (name === 'json') flags.json = true;
    else flags.extra[name] = value ?? true;
  }
  return flags;
}

/** Milliseconds taken by `fn` (awaited), with the value it returned. */
export async function timeIt<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** @example median([3, 1, 2]) // 2 ; median([1, 2, 3, 4]) // 2.5 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every measurement, in the order taken. */
  samples: number[];
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), samples: [...values] };
}

/** One contender of an interleaved measurement. */
export interface Contender<Ctx = unknown> {
  name: string;
  /** Untimed preparation before each repetition (fresh model, fresh state). */
  setup?: () => Ctx | Promise<Ctx>;
  /** The timed part. */
  run: (ctx: Ctx) => unknown;
  /** Untimed clean-up after each repetition (free tensors, ...). */
  teardown?: (ctx: Ctx) => void | Promise<void>;
  /** How many times to repeat (default: the `repetitions` given to `interleave`). */
  repetitions?: number;
}

/**
 * Runs `repetitions` rounds; in each round every contender (that still has repetitions left) runs
 * once, in a rotating order, so that noise from other processes spreads over all of them. Returns
 * the milliseconds of each contender's timed runs.
 */
export async function interleave(
  contenders: readonly Contender<any>[],
  repetitions: number,
  onRun?: (name: string, ms: number, round: number) => void,
): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const rounds = Math.max(repetitions, ...contenders.map((c) => c.repetitions ?? repetitions));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(i + round) % contenders.length];
      if (round >= (c.repetitions ?? repetitions)) continue;
      const ctx = c.setup ? await c.setup() : undefined;
      const { ms } = await timeIt(() => c.run(ctx));
      if (c.teardown) await c.teardown(ctx);
      times.get(c.name)!.push(ms);
      onRun?.(c.name, ms, round);
    }
  }
  return times;
}

/** A number for a table: 3 significant digits, thousands grouped. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(digits);
}

/** A plain-text table with right-aligned numeric columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+\d.,x×%e]*$|^-$|^n\/a$/i.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Short description of the machine, for the report. */
export async function machineInfo(): Promise<Record<string, string | number>> {
  const os = await import('node:os');
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadavg: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/** Writes progress to stderr so stdout stays clean for --json. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
