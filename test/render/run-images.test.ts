import { describe, expect, it } from 'vitest';
import { GlobalFonts } from '@napi-rs/canvas';
import { rocCurve } from '../../src/engine/index.js';
import { FONT_FAMILY, registerFonts, renderRunImages } from '../../src/render/index.js';
import { formatNumber, label, type LabelKey } from '../../src/render/labels.js';
import { lossHistory, predictWith, traceSample, xorNetwork, xorPoints } from './fixtures.js';
import { decode, isPng } from './png.js';

describe('renderRunImages', () => {
  it('renders every picture that applies to a full binary 2-D run', async () => {
    const network = xorNetwork();
    const points = xorPoints(100);
    const predict = predictWith(network);
    const images = await renderRunImages(
      {
        history: lossHistory(40, { earlyStop: true }),
        network,
        featureNames: ['x1', 'x2'],
        classNames: ['same', 'opposite'],
        boundary: { predict, points },
        confusion: [[40, 5], [6, 49]],
        roc: { points: rocCurve(points.labels, predict(points.x, 100)), auc: 0.97 },
        sample: traceSample(network, [0.5, -0.5], 1),
      },
      { locale: 'pt-BR' },
    );
    expect(images.map((i) => i.filename)).toEqual([
      'loss-curve.png',
      'network.png',
      'network-activations.png',
      'decision-boundary.png',
      'confusion-matrix.png',
      'roc-curve.png',
    ]);
    for (const image of images) {
      expect(isPng(image.png)).toBe(true);
      expect((await decode(image.png)).width).toBe(960);
    }
  });

  it('renders only what the run has', async () => {
    const images = await renderRunImages({ history: { trainLoss: [0.7, 0.6] } }, { locale: 'en' });
    expect(images.map((i) => i.name)).toEqual(['loss-curve']);
  });
});

describe('fonts and labels', () => {
  it('registers the packaged font once under our own family name', () => {
    registerFonts();
    registerFonts();
    expect(GlobalFonts.has(FONT_FAMILY)).toBe(true);
  });

  it('has every label in both languages, with placeholders filled', () => {
    const keys: LabelKey[] = ['lossTitle', 'bestEpoch', 'earlyStop', 'hiddenNeurons', 'confusionTitle'];
    for (const key of keys) expect(label('pt-BR', key)).not.toBe(label('en', key));
    expect(label('pt-BR', 'bestEpoch', { epoch: 12 })).toBe('melhor: época 12');
    expect(formatNumber('pt-BR', 0.5, 2)).toBe('0,50');
    expect(formatNumber('en', 0.5, 2)).toBe('0.50');
  });
});
