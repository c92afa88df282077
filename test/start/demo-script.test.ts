import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'backprop-demo-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** What CI runs: `npm run demo` as a process (the same command, minus npm's own process). */
describe('npm run demo', () => {
  it('prints the conversation, saves the pictures and exits 0 within its limit', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: ROOT,
      env: { ...process.env, OUT_DIR: outDir, STROKE_CSV: '', DEMO_LIMIT_MS: '90000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect({ code, stderr: stderr.slice(-2000) }).toEqual({ code: 0, stderr: expect.any(String) });
    expect(stdout).toContain('» ana: /demo topic:stroke');
    expect(stdout).toContain('🩺');
    expect(stdout).toContain('Demo complete: no Discord rule broken.');
    expect(readdirSync(outDir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(5);
  }, 100_000);
});
