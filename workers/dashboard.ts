/**
 * `npm run dashboard`: a read-only view of the training queue (bull-board), on
 * http://DASHBOARD_HOST:DASHBOARD_PORT/ (loopback by default: it has no login; put it behind an
 * authenticating proxy, or an SSH tunnel, before binding it elsewhere).
 *
 * Read-only: no retry, clean, remove or add buttons (cancel goes through the bot, which checks who
 * may cancel). Interaction tokens inside job payloads are masked before they reach the page.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import express from 'express';
import { loadConfig, type Config } from '../src/config.js';
import { TRAINING_QUEUE } from '../src/jobs/index.js';
import { redisOptions } from '../src/jobs/redis.js';
import { createLogger } from '../src/logger.js';

/** Job data as shown: the reply target's token replaced, everything else as is. */
export function maskJobData(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const copy = { ...(data as Record<string, unknown>) };
  const target = copy.replyTarget;
  if (typeof target === 'object' && target !== null) copy.replyTarget = { ...target, interactionToken: '[hidden]' };
  return copy;
}

/** The express app serving the dashboard (exported for tests). */
export function createDashboard(config: Config) {
  const queue = new Queue(TRAINING_QUEUE, { connection: redisOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
  const adapter = new BullMQAdapter(queue, { readOnlyMode: true, displayName: 'training' });
  adapter.setFormatter('data', maskJobData);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/');
  createBullBoard({ queues: [adapter], serverAdapter });
  const app = express();
  app.use('/', serverAdapter.getRouter());
  return { app, queue };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  const log = createLogger('dashboard', { level: config.LOG_LEVEL });
  const { app, queue } = createDashboard(config);
  const server = app.listen(config.DASHBOARD_PORT, config.DASHBOARD_HOST, () => {
    log.info({ url: `http://${config.DASHBOARD_HOST}:${config.DASHBOARD_PORT}/`, prefix: config.QUEUE_PREFIX }, 'dashboard listening (read-only)');
  });
  const stop = () => server.close(() => void queue.close().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
