/** Small text formatters shared by the CLI and the bot. */

/** "█████░░░░░" for a fraction in [0, 1]. */
export function progressBar(fraction: number, width = 20): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** A loss with 4 decimals, or in exponent form when very large or very small. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return String(loss);
  return Math.abs(loss) >= 1000 || (loss !== 0 && Math.abs(loss) < 1e-3) ? loss.toExponential(2) : loss.toFixed(4);
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

/** A metric with 3 decimals, "n/a" when undefined for the task (null or NaN). */
export function formatMetric(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}
