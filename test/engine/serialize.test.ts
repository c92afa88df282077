import { describe, expect, it } from 'vitest';
import { xor } from '../../src/data/builtin.js';
import { createNetwork, loadModel, saveModel, targetsFromLabels, train } from '../../src/engine/index.js';
import { UserError } from '../../src/errors.js';

async function trainedNet(dtype: 'float32' | 'float64') {
  const ds = xor({ size: 100 });
  const net = createNetwork({ inputs: 2, layers: [{ units: 5, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'binary-cross-entropy', dtype });
  await train(net, { x: ds.x, y: targetsFromLabels(ds.labels, 1) }, { epochs: 20 });
  return { ds, net };
}

describe('saveModel / loadModel', () => {
  it.each(['float32', 'float64'] as const)('round-trips through JSON text with identical predictions (%s)', async (dtype) => {
    const { ds, net } = await trainedNet(dtype);
    const text = JSON.stringify(saveModel(net, { preprocessing: { kind: 'none' }, metadata: { dataset: 'xor', threshold: 0.4 } }));
    const loaded = loadModel(text);
    expect(Array.from(loaded.network.predict(ds.x).data)).toEqual(Array.from(net.predict(ds.x).data));
    expect(loaded.network.spec).toEqual(net.spec);
    expect(loaded.preprocessing).toEqual({ kind: 'none' });
    expect(loaded.metadata).toEqual({ dataset: 'xor', threshold: 0.4 });
  });

  it('rejects text that is not JSON', () => {
    expect(() => loadModel('{"format": ')).toThrow(/not a valid backprop-bot model file: not JSON/);
  });

  it('rejects a foreign JSON file, naming its format', () => {
    expect(() => loadModel({ format: 'keras', layers: [] })).toThrow('This file is not a backprop-bot model (format "keras").');
    expect(() => loadModel([1, 2])).toThrow(/expected a JSON object/);
  });

  it('rejects a newer version it cannot read', () => {
    expect(() => loadModel({ format: 'backprop-bot.model', version: 99 })).toThrow('This model file has version 99; this backprop-bot reads versions up to 1.');
  });

  it('rejects weights that do not fit the spec, or are not numbers', async () => {
    const { net } = await trainedNet('float64');
    const file = saveModel(net);
    const short = structuredClone(file);
    short.layers[0].weights.pop();
    expect(() => loadModel(short)).toThrow('layer 1 should have 10 weights and 5 biases, the file has 9 and 5');
    const garbage = JSON.parse(JSON.stringify(file));
    garbage.layers[1].biases[0] = 'x';
    expect(() => loadModel(garbage)).toThrow(/layers\.1\.biases\.0/);
    const missing = JSON.parse(JSON.stringify(file));
    delete missing.spec.loss;
    expect(() => loadModel(missing)).toThrow(UserError);
  });
});
