/**
 * Trains the stroke model that /predict falls back to when a server has no stroke run yet, and
 * writes it to src/bot/bundled-stroke-model.json (committed, so the bot never trains).
 *
 *   npx tsx scripts/bundled-model.ts
 *
 * It learns from the generated stroke rows only (never STROKE_CSV: the real file may not be
 * redistributed, and the bundled model must be the same everywhere), seeded, so the file is
 * reproducible bit for bit; a test checks that the committed file is what this script produces.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModelFile } from '../src/engine/index.js';
import { trainRequestSchema } from '../src/training/request.js';
import { modelFileOf, runTraining } from '../src/training/run.js';

export const BUNDLED_MODEL_PATH = fileURLToPath(new URL('../src/bot/bundled-stroke-model.json', import.meta.url));

export async function trainBundledModel(): Promise<ModelFile> {
  const run = await runTraining(trainRequestSchema.parse({ dataset: 'stroke', seed: 1 }), { env: {} });
  const file = modelFileOf(run);
  // No creation time: the file must come out the same on every run.
  const { createdAt: _createdAt, ...metadata } = file.metadata;
  return { ...file, metadata: { ...metadata, bundled: true } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = await trainBundledModel();
  await writeFile(BUNDLED_MODEL_PATH, JSON.stringify(file) + '\n');
  console.log(`wrote ${BUNDLED_MODEL_PATH} (AUC ${String((file.metadata.metrics as { auc?: number }).auc)} on held-out generated rows)`);
}
