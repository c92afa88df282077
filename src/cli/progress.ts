import type { EpochReport } from '../engine/index.js';

/**
 * A one-line training progress bar for terminals:
 *   epoch  120/500 [██████░░░░░░░░░░░░░░]  24%  loss 0.3121  val 0.3302  ETA 3s
 * Pure formatting; the caller decides where it goes and how often.
 */
export function formatProgress(report: EpochReport, width = 20): string {
  const fraction = report.epoch / report.epochs;
  const filled = Math.round(fraction * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const digits = String(report.epochs).length;
  const parts = [
    `epoch ${String(report.epoch).padStart(digits)}/${report.epochs}`,
    `[${bar}]`,
    `${Math.floor(fraction * 100)}%`.padStart(4),
    `loss ${formatLoss(report.trainLoss)}`,
  ];
  if (report.validationLoss !== undefined) parts.push(`val ${formatLoss(report.validationLoss)}`);
  parts.push(`ETA ${formatDuration(etaMs(report))}`);
  return parts.join('  ');
}

export function formatLoss(loss: number): string {
  return Math.abs(loss) >= 1000 || (loss !== 0 && Math.abs(loss) < 1e-3) ? loss.toExponential(2) : loss.toFixed(4);
}

/** Remaining time, assuming the remaining epochs take as long as the average one so far. */
export function etaMs(report: Pick<EpochReport, 'epoch' | 'epochs' | 'elapsedMs'>): number {
  return report.epoch === 0 ? 0 : (report.elapsedMs / report.epoch) * (report.epochs - report.epoch);
}

/** "850ms", "12s", "3m 05s", "1h 02m". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/**
 * Decides which epochs to draw: on a terminal at most every `intervalMs` (plus the first and last);
 * elsewhere (a log, CI) only at each tenth of the run, so the output stays short.
 */
export function createProgressThrottle(options: { interactive: boolean; intervalMs?: number; now?: () => number }) {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 100;
  let last = -Infinity;
  let lastDecile = -1;
  return (report: EpochReport): boolean => {
    const edge = report.epoch === 1 || report.epoch === report.epochs;
    if (options.interactive) {
      if (!edge && now() - last < interval) return false;
      last = now();
      return true;
    }
    const decile = Math.floor((report.epoch / report.epochs) * 10);
    if (!edge && decile === lastDecile) return false;
    lastDecile = decile;
    return true;
  };
}
