import type { EpochReport } from '../engine/index.js';
import type { TrainingProgress } from './schemas.js';

type Send = (progress: TrainingProgress) => unknown;
const orNull = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : value);

/**
 * Turns the training loop's per-epoch reports into throttled progress events: the first and the last
 * epoch always, and otherwise at most one per `intervalMs` (a run of 10,000 tiny epochs would
 * otherwise write 10,000 events into Redis and trigger as many Discord edits). The ETA is the mean epoch time so far times the epochs left (an upper bound when early
 * stopping ends the run sooner).
 * @example const report = createProgressReporter((p) => job.updateProgress(p), 1500); await report.epoch(epochReport);
 */
export function createProgressReporter(send: Send, intervalMs: number, started = performance.now(), now: () => number = () => performance.now()) {
  let lastSent = -Infinity;
  let fitStarted: number | undefined;
  let folds: { done: number; of: number; started: number } | undefined;
  let latest: Omit<TrainingProgress, 'phase' | 'elapsedMs'> = { epoch: 0, epochs: 0, etaMs: null };

  const emit = async (phase: TrainingProgress['phase']) => {
    lastSent = now();
    await send({ phase, ...latest, elapsedMs: Math.max(0, lastSent - started) });
  };

  return {
    /**
     * A new phase. 'loading' (the job has started) always goes out; later phases only when the last
     * event is older than `intervalMs`, so a tiny job costs three events (loading, first and last
     * epoch), not five, while a slow render still shows up.
     */
    async phase(phase: TrainingProgress['phase']): Promise<void> {
      if (phase !== 'training') latest = { ...latest, etaMs: phase === 'loading' ? null : 0 };
      if (phase === 'loading' || now() - lastSent >= intervalMs) await emit(phase);
    },

    /** Cross-validation: fold `done` of `of` finished (the final fit comes after). */
    async fold(done: number, of: number): Promise<void> {
      const t = now();
      folds ??= { done: 0, of, started };
      folds.done = done;
      const perFold = (t - folds.started) / done;
      // The final fit costs about one fold more.
      latest = { ...latest, fold: { done, of }, etaMs: perFold * (of - done + 1) };
      await emit('training');
    },

    /** One epoch of the final fit. */
    async epoch(report: EpochReport): Promise<void> {
      const t = now();
      fitStarted ??= t - report.elapsedMs;
      const perEpoch = (t - fitStarted) / report.epoch;
      latest = {
        epoch: report.epoch,
        epochs: report.epochs,
        trainLoss: orNull(report.trainLoss),
        validationLoss: orNull(report.validationLoss),
        validationAuc: orNull(report.validationAuc),
        etaMs: Math.max(0, perEpoch * (report.epochs - report.epoch)),
        ...(latest.fold ? { fold: latest.fold } : {}),
      };
      if (report.epoch === 1 || report.epoch === report.epochs || t - lastSent >= intervalMs) await emit('training');
    },
  };
}
export type ProgressReporter = ReturnType<typeof createProgressReporter>;
