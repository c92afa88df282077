/**
 * `npm run worker`: one worker process on the training queue. Run as many as you like, on as many
 * machines as you like, all pointed at the same REDIS_URL; each runs WORKER_CONCURRENCY trainings at
 * once (one child process each). SIGTERM (docker stop) drains: see SHUTDOWN_GRACE_MS.
 */
import { loadConfig } from '../src/config.js';
import { startWorker } from '../src/jobs/index.js';
import { createLogger } from '../src/logger.js';

const config = loadConfig();
const log = createLogger('worker', { level: config.LOG_LEVEL });
const { ready } = startWorker(config, { logger: log, handleSignals: true });
await ready;
