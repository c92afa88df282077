/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked by reading: the services
 * exist, Redis persists, the workers are replicated, and every command is an npm script that
 * package.json defines. The Dockerfile builds what compose runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers.js';

interface Service {
  command?: string[];
  build?: unknown;
  image?: string;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  stop_grace_period?: string;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** ["npm", "run", "worker"] -> "worker"; ["npm", "start"] -> "start". */
function npmScript(command: string[] | undefined): string | undefined {
  if (!command || command[0] !== 'npm') return undefined;
  return command[1] === 'run' ? command[2] : command[1];
}

describe('docker-compose.yml', () => {
  it('has redis with persistence on a volume, and a health check the others wait for', () => {
    const redis = compose.services.redis;
    expect(redis.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(redis.volumes?.[0]).toMatch(/^redis-data:\/data$/);
    expect(compose.volumes).toHaveProperty('redis-data');
    for (const name of ['bot', 'worker']) expect(compose.services[name].depends_on?.redis.condition).toBe('service_healthy');
  });

  it.each(['bot', 'worker', 'dashboard'])('service %s runs an npm script that package.json defines, from the built image', (name) => {
    const service = compose.services[name];
    expect(service, `service ${name}`).toBeDefined();
    expect(service.build).toBe('.');
    const script = npmScript(service.command);
    expect(script, `${name} command ${JSON.stringify(service.command)}`).toBeDefined();
    expect(scripts, `package.json has no script "${script}" (used by service ${name})`).toHaveProperty(script!);
    expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
  });

  it('runs several workers and lets them drain on stop', () => {
    const worker = compose.services.worker;
    expect(worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
    const grace = Number(worker.stop_grace_period?.replace(/s$/, ''));
    expect(grace * 1000).toBeGreaterThan(60_000); // SHUTDOWN_GRACE_MS default
  });

  it('publishes the dashboard on loopback only', () => {
    expect(compose.services.dashboard.ports).toEqual(['127.0.0.1:3030:3030']);
  });

  it('has a Dockerfile on node:20-slim that installs with npm ci', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
    // tsx runs every entry point, so it must be installed by `npm ci`.
    expect(scripts.worker).toMatch(/^tsx /);
  });
});
