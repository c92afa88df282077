import { existsSync, readFileSync } from 'node:fs';

/**
 * Loads `.env` into process.env when the file exists; variables already set in the environment win
 * (so `DISCORD_TOKEN= npm start` beats the file). Node 20.12+ has process.loadEnvFile; older 20.x
 * get a minimal KEY=VALUE reader with the same precedence.
 * @returns whether a file was read
 */
export function loadDotEnv(path = '.env'): boolean {
  if (!existsSync(path)) return false;
  const load = (process as { loadEnvFile?: (path: string) => void }).loadEnvFile;
  if (typeof load === 'function') {
    load(path);
    return true;
  }
  for (const [key, value] of parseDotEnv(readFileSync(path, 'utf8'))) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return true;
}

/** `KEY=value` lines; `#` comments, blank lines and `export ` prefixes ignored; one pair of quotes stripped. */
export function parseDotEnv(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, '');
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match || line.startsWith('#')) continue;
    let value = match[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    value = quoted ? quoted[2] : value.replace(/\s+#.*$/, '');
    pairs.push([match[1], value]);
  }
  return pairs;
}
