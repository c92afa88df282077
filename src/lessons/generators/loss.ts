/** "loss": squared error and cross-entropy evaluated by the engine's loss functions, and a real loss curve. */
import { getActivation, getLoss, type LossName } from '../../engine/index.js';
import { textsFor } from '../content/index.js';
import type { Draft } from '../post.js';
import { xorTraining } from './layers.js';
import { formatters, lossCurveImage, type RenderContext } from './shared.js';

/** The predictions the lesson scores, all against the answer y = 1. */
export const LOSS_EXAMPLES = { close: 0.8, far: 0.2, sure: 0.9, unsure: 0.6, wrong: 0.1 } as const;

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * The engine's loss and its gradient with respect to z (the output's weighted sum) for one sigmoid
 * output p against the target y.
 */
export function lossOfOne(name: LossName, p: number, y: number): { loss: number; dz: number } {
  const loss = getLoss(name);
  const ctx = { z: Float64Array.of(logit(p)), a: Float64Array.of(p), y: Float64Array.of(y), rows: 1, cols: 1, sampleWeights: null };
  const out = new Float64Array(1);
  loss.gradient(ctx, out, 1);
  let dz = out[0];
  if (!loss.fromLogits) {
    // squared error gives dL/da; the sigmoid's own slope turns it into dL/dz
    const back = new Float64Array(1);
    getActivation('sigmoid').backward(ctx.z, ctx.a, out, back, 1, 1);
    dz = back[0];
  }
  return { loss: loss.value(ctx), dz };
}

export async function buildLoss(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).loss;
  const f = formatters(ctx.locale);
  const xorRun = await xorTraining();
  const history = xorRun.result.history.trainLoss;
  const e = LOSS_EXAMPLES;
  // The engine's formula strings carry an implementation note after a comma; the lesson shows the maths.
  const bceFormula = getLoss('binary-cross-entropy').formula.split(', computed')[0];
  return [
    { text: text.score },
    {
      text: text.squared({
        formula: getLoss('mse').formula,
        pClose: f.n(e.close, 1),
        pFar: f.n(e.far, 1),
        close: f.n(lossOfOne('mse', e.close, 1).loss, 2),
        far: f.n(lossOfOne('mse', e.far, 1).loss, 2),
      }),
    },
    {
      text: text.crossEntropy({
        formula: bceFormula,
        pSure: f.n(e.sure, 1),
        pUnsure: f.n(e.unsure, 1),
        pWrong: f.n(e.wrong, 1),
        sure: f.n(lossOfOne('binary-cross-entropy', e.sure, 1).loss),
        unsure: f.n(lossOfOne('binary-cross-entropy', e.unsure, 1).loss),
        wrong: f.n(lossOfOne('binary-cross-entropy', e.wrong, 1).loss),
      }),
    },
    {
      text: text.push({
        pSure: f.n(e.sure, 1),
        pWrong: f.n(e.wrong, 1),
        sureGrad: f.n(lossOfOne('binary-cross-entropy', e.sure, 1).dz),
        wrongGrad: f.n(lossOfOne('binary-cross-entropy', e.wrong, 1).dz),
        mseWrongGrad: f.n(lossOfOne('mse', e.wrong, 1).dz),
      }),
    },
    {
      text: text.average({ first: f.n(history[0]), last: f.n(history[history.length - 1]), epochs: f.count(history.length) }),
      images: [await lossCurveImage({ trainLoss: history }, ctx, { filename: 'loss-curve-xor.png', description: text.curveAlt })],
    },
    { text: text.notAccuracy },
  ];
}
