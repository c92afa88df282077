import { describe, expect, it } from 'vitest';
import { isConnectionError, queueCall } from '../../src/bot/queue-call.js';
import { UserError } from '../../src/errors.js';

const connectionRefused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), { code: 'ECONNREFUSED' });

describe('queueCall', () => {
  it('passes results and user errors through', async () => {
    await expect(queueCall(Promise.resolve(42))).resolves.toBe(42);
    await expect(queueCall(Promise.reject(new UserError('jobs.quota.queue', { count: 9 })))).rejects.toMatchObject({ key: 'jobs.quota.queue' });
  });

  it('turns a refused connection or a silent Redis into bot.redisDown', async () => {
    await expect(queueCall(Promise.reject(connectionRefused()))).rejects.toMatchObject({ key: 'bot.redisDown' });
    const started = Date.now();
    await expect(queueCall(new Promise(() => undefined), 50)).rejects.toMatchObject({ key: 'bot.redisDown' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('leaves other errors (bugs) alone, so they are logged with an id', async () => {
    const bug = new TypeError('x is undefined');
    await expect(queueCall(Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe('isConnectionError', () => {
  it('recognises what ioredis throws when Redis is away', () => {
    expect(isConnectionError(connectionRefused())).toBe(true);
    expect(isConnectionError(Object.assign(new Error('Reached the max retries per request limit (which is 3).'), { name: 'MaxRetriesPerRequestError' }))).toBe(true);
    expect(isConnectionError(new Error('Connection is closed.'))).toBe(true);
    expect(isConnectionError(new Error('WRONGTYPE Operation against a key'))).toBe(false);
    expect(isConnectionError('nope')).toBe(false);
  });
});
