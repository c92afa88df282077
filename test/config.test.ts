import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('lists every setting in .env.example', async () => {
    const example = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    expect([...Object.keys(configSchema.shape)].filter((name) => !listed.has(name))).toEqual([]);
    expect([...listed].filter((name) => !(name in configSchema.shape))).toEqual([]);
  });

  it('accepts .env.example as it is (empty values mean "not set")', async () => {
    const example = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries([...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    const config = loadConfig(env);
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('names the variable and what is wrong with it', () => {
    expect(() => loadConfig({ WORKER_CONCURRENCY: 'many', DISCORD_API_URL: 'not a url' })).toThrow(/DISCORD_API_URL: .*\n\s+WORKER_CONCURRENCY: expected a whole number/);
  });
});
