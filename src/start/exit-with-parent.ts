/**
 * Preloaded into the sandbox's worker and bot processes (`node --import tsx --import <this> ...`),
 * which the sandbox spawns with an IPC channel: when the parent goes away, even killed with SIGKILL,
 * the channel closes and the process stops as if sent SIGTERM, instead of living on as an orphan.
 *
 * Only where BACKPROP_EXIT_WITH_PARENT=1, and the variable is removed at once: the worker's own
 * training processes inherit its node flags and environment, and they have an IPC channel of their
 * own (to BullMQ) that must keep them alive.
 */
if (process.env.BACKPROP_EXIT_WITH_PARENT === '1' && typeof process.send === 'function') {
  delete process.env.BACKPROP_EXIT_WITH_PARENT;
  // The channel must not keep the process alive by itself.
  process.channel?.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
export {};
