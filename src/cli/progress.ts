import type { EpochReport } from '../engine/index.js';
import { formatDuration, formatLoss, progressBar } from '../format.js';

/**
 * A one-line training progress bar for terminals:
 *   epoch  120/500 [██████░░░░░░░░░░░░░░]  24%  loss 0.3121  val 0.3302  ETA 3s
 * Pure formatting; the caller decides where it goes and how often.
 */
export function formatProgress(report: EpochReport, width = 20): string {
  const fraction = report.epoch / report.epochs;
  const bar = progressBar(fraction, width);
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

/** Remaining time, assuming the remaining epochs take as long as the average one so far. */
export function etaMs(report: Pick<EpochReport, 'epoch' | 'epochs' | 'elapsedMs'>): number {
  return report.epoch === 0 ? 0 : (report.elapsedMs / report.epoch) * (report.epochs - report.epoch);
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
