import { describe, expect, it } from 'vitest';
import { circle, gauss, moons, spiral, xor } from '../../src/data/builtin.js';
import { iris } from '../../src/data/iris.js';
import { datasetToTable, generateDataset, loadDataset } from '../../src/data/registry.js';
import { userErrorOf, userErrorOfAsync } from './helpers.js';

const generators = { xor, circle, gauss, spiral, moons };

describe('generated 2-D datasets', () => {
  for (const [name, generate] of Object.entries(generators)) {
    it(`${name} gives identical points for the same seed and different points for another`, () => {
      const a = generate({ size: 50, noise: 0.2, seed: 7 });
      const b = generate({ size: 50, noise: 0.2, seed: 7 });
      const c = generate({ size: 50, noise: 0.2, seed: 8 });
      expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
      expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
      expect(Array.from(a.x.data)).not.toEqual(Array.from(c.x.data));
    });

    it(`${name} has the requested size, two balanced classes and 2-D metadata`, () => {
      const data = generate({ size: 100, seed: 1 });
      expect(data.x.rows).toBe(100);
      expect(data.x.cols).toBe(2);
      expect(data.labels.reduce((s, l) => s + l, 0)).toBe(50);
      expect(data.meta).toMatchObject({ name, featureNames: ['x1', 'x2'], classNames: ['0', '1'], kind: 'binary', is2d: true, synthetic: true });
    });
  }

  it('xor without noise is the four corners labelled by sign', () => {
    const data = xor({ size: 4, noise: 0 });
    expect(Array.from(data.x.data)).toEqual([1, 1, -1, 1, 1, -1, -1, -1]);
    expect(Array.from(data.labels)).toEqual([0, 1, 1, 0]);
  });

  it('circle puts class 1 inside radius 2.5 and class 0 between 3.5 and 5 when there is no noise', () => {
    const data = circle({ size: 200, noise: 0, seed: 3 });
    for (let i = 0; i < 200; i++) {
      const r = Math.hypot(data.x.data[2 * i], data.x.data[2 * i + 1]);
      if (data.labels[i] === 1) expect(r).toBeLessThanOrEqual(2.5);
      else expect(r >= 3.5 && r <= 5).toBe(true);
    }
  });

  it('gauss centres class 1 near (2, 2) and class 0 near (-2, -2)', () => {
    const data = gauss({ size: 400, noise: 0, seed: 2 });
    const mean = (label: number, axis: number): number => {
      let s = 0;
      let n = 0;
      for (let i = 0; i < 400; i++) if (data.labels[i] === label) (s += data.x.data[2 * i + axis]), n++;
      return s / n;
    };
    expect(mean(1, 0)).toBeCloseTo(2, 0);
    expect(mean(0, 1)).toBeCloseTo(-2, 0);
  });

  it('moons without noise lie on two unit half circles', () => {
    const data = moons({ size: 20, noise: 0, seed: 1 });
    for (let i = 0; i < 20; i++) {
      const [x, y] = [data.x.data[2 * i], data.x.data[2 * i + 1]];
      const r = data.labels[i] === 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      expect(r).toBeCloseTo(1, 12);
    }
  });

  it('spiral keeps its output stable for a seed', () => {
    const data = spiral({ size: 4, noise: 0, seed: 1 });
    const rounded = Array.from(data.x.data, (v) => Number(v.toFixed(6)) + 0);
    expect(rounded).toEqual([0, 0, -1.767767, 1.767767, 0, 0, 1.767767, -1.767767]);
  });
});

describe('iris', () => {
  it('ships 150 real flowers, 50 per species, with the four measurements', () => {
    const data = iris();
    expect(data.x.rows).toBe(150);
    expect(Array.from(data.x.data.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(data.meta.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect([0, 1, 2].map((c) => data.labels.filter((l) => l === c).length)).toEqual([50, 50, 50]);
    expect(data.meta).toMatchObject({ kind: 'multiclass', is2d: false, synthetic: false });
  });
});

describe('the dataset registry', () => {
  it('loads every built-in name as a table', async () => {
    const moonsTable = await loadDataset('moons', { size: 40, seed: 2 });
    expect(moonsTable.columns.map((c) => c.name)).toEqual(['x1', 'x2']);
    expect(moonsTable.labels.length).toBe(40);
    const irisTable = await loadDataset('iris');
    expect(irisTable.target).toBe('species');
    expect(irisTable.columns).toHaveLength(4);
  });

  it('keeps the values of a generated dataset when wrapping it as a table', () => {
    const data = xor({ size: 8, seed: 5 });
    const table = datasetToTable(data);
    const x1 = table.columns[0].values as Float64Array;
    expect(x1[3]).toBe(data.x.data[6]);
  });

  it('refuses an unknown name and lists the allowed ones', async () => {
    const error = await userErrorOfAsync(() => loadDataset('spirals'));
    expect(error.key).toBe('data.unknownDataset');
    expect(error.message).toBe('Unknown dataset "spirals". Available: xor, circle, gauss, spiral, moons, iris, stroke, file.csv.');
    expect(error.localized('pt-BR')).toBe('Conjunto de dados desconhecido "spirals". Disponíveis: xor, circle, gauss, spiral, moons, iris, stroke, file.csv.');
  });

  it('refuses generator options out of range, naming the allowed range', () => {
    expect(userErrorOf(() => generateDataset('xor', { size: 2 })).message).toBe('Option size must be between 4 and 100000 (got 2).');
    expect(userErrorOf(() => generateDataset('xor', { noise: -1 })).message).toBe('Option noise must be between 0 and 5 (got -1).');
    expect(userErrorOf(() => generateDataset('xor', { seed: 1.5 })).message).toBe('Option seed must be between 0 and 4294967295 (got 1.5).');
  });
});
