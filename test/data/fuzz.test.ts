/**
 * Random and mutated CSVs: each must be accepted (and then encode to finite numbers) or refused with
 * a UserError whose message is complete; never a crash.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/engine/prng.js';
import { UserError } from '../../src/errors.js';
import { csvDataset } from '../../src/data/csv.js';
import { fitPreprocessing, transformTable } from '../../src/data/preprocess.js';
import { syntheticStrokeCsv } from '../../src/data/stroke.js';

const CELLS = ['1', '-2.5', '3e2', '', 'N/A', 'NaN', 'Infinity', '1e999', 'red', 'blue', 'yes', 'no', '"q,uoted"', '"', 'a"b', '=1+1', '@x', '+A1', '-', ' 7 ', 'ção', '🙂', '0', '1', '\t', 'x;y'];

function randomCsv(rng: Rng): string {
  const columns = 1 + rng.int(5);
  const rows = rng.int(8);
  const header = Array.from({ length: columns }, (_, j) => (rng.next() < 0.1 ? CELLS[rng.int(CELLS.length)] : `c${j}`));
  const lines = [header.join(',')];
  for (let r = 0; r < rows; r++) {
    const width = rng.next() < 0.1 ? columns + rng.int(3) - 1 : columns;
    lines.push(Array.from({ length: Math.max(0, width) }, () => CELLS[rng.int(CELLS.length)]).join(','));
  }
  return lines.join(rng.next() < 0.3 ? '\r\n' : '\n');
}

function mutate(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + rng.int(4);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(Math.max(1, out.length));
    switch (rng.int(5)) {
      case 0: out.splice(at, 1); break;
      case 1: out.splice(at, 0, rng.int(256)); break;
      case 2: out.splice(at, 0, [0x22, 0x2c, 0x0a, 0x3d][rng.int(4)]); break;
      case 3: out[at] = rng.int(256); break;
      default: out.length = at; break;
    }
  }
  return Uint8Array.from(out);
}

function check(input: string | Uint8Array, target: string): 'accepted' | 'refused' {
  try {
    const data = csvDataset(input, { target, limits: { maxCategories: 20 } });
    expect(data.labels.length).toBe(data.columns[0].values.length);
    expect(Math.min(...data.labels)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...data.labels)).toBeLessThan(data.meta.classNames.length);
    const x = transformTable(fitPreprocessing(data), data);
    expect(x.data.every(Number.isFinite)).toBe(true);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.message).not.toMatch(/\{\w+\}/);
    expect(error.localized('pt-BR')).not.toMatch(/\{\w+\}/);
    return 'refused';
  }
}

describe('fuzzing the CSV reader', () => {
  it('accepts or refuses 300 random CSVs, never crashing', () => {
    const rng = createRng(2024);
    const outcomes = { accepted: 0, refused: 0 };
    for (let i = 0; i < 300; i++) {
      const text = randomCsv(rng);
      outcomes[check(text, rng.next() < 0.8 ? `c${rng.int(5)}` : 'nope')]++;
    }
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.accepted + outcomes.refused).toBe(300);
  });

  it('accepts or refuses 300 mutations of a valid file, never crashing', () => {
    const rng = createRng(7);
    const valid = new TextEncoder().encode(syntheticStrokeCsv({ size: 100, seed: 3 }));
    const outcomes = { accepted: 0, refused: 0 };
    for (let i = 0; i < 300; i++) outcomes[check(mutate(valid, rng), 'stroke')]++;
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
