import { rocAuc, rocCurve } from '../src/engine/index.js';
/**
 * Writes every picture for sample runs (from the test fixtures) into a folder, in both themes and
 * both languages, so a person can look at them. Reference images are generated, never committed.
 *
 *   npx tsx scripts/render-samples.ts out/samples
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  renderDecisionBoundary,
  renderLossCurve,
  renderNetworkDiagram,
  renderRunImages,
  renderTrainingGif,
  type Locale,
  type RenderOptions,
  type Theme,
} from '../src/render/index.js';
import {
  lossHistory,
  predictWith,
  STROKE_FEATURES,
  strokeLikeNetwork,
  threeClassNetwork,
  threeClassPoints,
  traceSample,
  xorFrames,
  xorNetwork,
  xorPoints,
} from '../test/render/fixtures.js';

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? 'out/samples';
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const save = async (name: string, bytes: Buffer) => {
    const path = join(outDir, name);
    await writeFile(path, bytes);
    written.push(path);
  };

  const xor = xorNetwork();
  const points = xorPoints();
  const predict = predictWith(xor);
  const scores = predict(points.x, points.labels.length);
  const sample = traceSample(xor, [0.6, -0.4], 1);
  const stroke = strokeLikeNetwork();
  const strokeSample = traceSample(stroke, STROKE_FEATURES.map((_, i) => ((i * 37) % 11) / 5 - 1), 1);
  const three = threeClassNetwork();

  for (const theme of ['dark', 'light'] as Theme[]) {
    for (const locale of ['en', 'pt-BR'] as Locale[]) {
      const options: RenderOptions = { locale, theme };
      const suffix = `${theme}.${locale}`;
      const images = await renderRunImages(
        {
          history: lossHistory(300, { earlyStop: true }),
          network: xor,
          featureNames: ['x1', 'x2'],
          classNames: locale === 'en' ? ['same sign', 'opposite'] : ['mesmo sinal', 'oposto'],
          boundary: { predict, points },
          confusion: [
            [812, 41],
            [19, 28],
          ],
          roc: { points: rocCurve(points.labels, scores), auc: rocAuc(points.labels, scores) },
          sample,
        },
        options,
      );
      for (const image of images) await save(`${image.name}.${suffix}.png`, image.png);
      await save(`loss-curve-2000.${suffix}.png`, await renderLossCurve(lossHistory(2000), options));
      await save(`network-blame.${suffix}.png`, await renderNetworkDiagram(xor, { ...options, view: 'blame', sample }));
      await save(
        `network-stroke.${suffix}.png`,
        await renderNetworkDiagram(stroke, { ...options, featureNames: STROKE_FEATURES, classNames: ['no stroke', 'stroke'], view: 'activations', sample: strokeSample }),
      );
      await save(
        `boundary-3class.${suffix}.png`,
        await renderDecisionBoundary({ predict: predictWith(three), points: threeClassPoints(), classNames: ['A', 'B', 'C'], featureNames: ['x1', 'x2'] }, options),
      );
    }
  }
  const frames = xorFrames(30);
  await save('training-boundary.dark.en.gif', await renderTrainingGif(frames, { locale: 'en', kind: 'boundary', data: { points, classNames: ['0', '1'] } }));
  await save('training-weights.light.pt-BR.gif', await renderTrainingGif(frames, { locale: 'pt-BR', theme: 'light', kind: 'weights' }));
  console.log(`wrote ${written.length} files to ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
