/** The prose of every lesson, per language. */
import type { Locale } from '../../locales/index.js';
import { activation as enActivation } from './en/activation.js';
import { backprop as enBackprop } from './en/backprop.js';
import { gradientDescent as enGradientDescent } from './en/gradient-descent.js';
import { imbalance as enImbalance } from './en/imbalance.js';
import { layers as enLayers } from './en/layers.js';
import { loss as enLoss } from './en/loss.js';
import { narrative as enNarrative } from './en/narrative.js';
import { neuron as enNeuron } from './en/neuron.js';
import { overfitting as enOverfitting } from './en/overfitting.js';
import { strokeDemo as enStrokeDemo } from './en/stroke-demo.js';
import { activation as ptActivation } from './pt-BR/activation.js';
import { backprop as ptBackprop } from './pt-BR/backprop.js';
import { gradientDescent as ptGradientDescent } from './pt-BR/gradient-descent.js';
import { imbalance as ptImbalance } from './pt-BR/imbalance.js';
import { layers as ptLayers } from './pt-BR/layers.js';
import { loss as ptLoss } from './pt-BR/loss.js';
import { narrative as ptNarrative } from './pt-BR/narrative.js';
import { neuron as ptNeuron } from './pt-BR/neuron.js';
import { overfitting as ptOverfitting } from './pt-BR/overfitting.js';
import { strokeDemo as ptStrokeDemo } from './pt-BR/stroke-demo.js';
import type { LessonTexts } from './types.js';

const en: LessonTexts = {
  neuron: enNeuron,
  layers: enLayers,
  activation: enActivation,
  loss: enLoss,
  backprop: enBackprop,
  gradientDescent: enGradientDescent,
  overfitting: enOverfitting,
  imbalance: enImbalance,
  strokeDemo: enStrokeDemo,
  narrative: enNarrative,
};

const ptBR: LessonTexts = {
  neuron: ptNeuron,
  layers: ptLayers,
  activation: ptActivation,
  loss: ptLoss,
  backprop: ptBackprop,
  gradientDescent: ptGradientDescent,
  overfitting: ptOverfitting,
  imbalance: ptImbalance,
  strokeDemo: ptStrokeDemo,
  narrative: ptNarrative,
};

export const TEXTS: Readonly<Record<Locale, LessonTexts>> = { en, 'pt-BR': ptBR };

export function textsFor(locale: Locale): LessonTexts {
  return TEXTS[locale];
}
