/**
 * Words drawn on the pictures, in both languages. Kept here rather than in src/locales so the
 * render module stays self-contained; the keys are few and only pictures use them.
 */
import type { Locale } from './types.js';

const en = {
  lossTitle: 'Loss per epoch',
  lossAxisEpoch: 'epoch',
  lossAxisLoss: 'loss',
  lossAxisLossLog: 'loss (log scale)',
  train: 'training',
  validation: 'validation',
  bestEpoch: 'best: epoch {epoch}',
  earlyStop: 'early stop: epoch {epoch}',
  networkTitle: 'Network {shape}',
  inputLayer: 'input',
  hiddenLayer: 'hidden {index}',
  outputLayer: 'output',
  positiveWeight: 'positive weight',
  negativeWeight: 'negative weight',
  hiddenNeurons: '+{count} more',
  activationFill: 'fill: activation',
  blameFill: 'fill: blame (backprop δ)',
  boundaryTitle: 'Decision boundary',
  confusionTitle: 'Confusion matrix',
  actual: 'actual',
  predicted: 'predicted',
  rocTitle: 'ROC curve',
  rocTitleFor: 'ROC curve ({positive})',
  falsePositiveRate: 'false positive rate',
  truePositiveRate: 'true positive rate',
  chance: 'chance',
  epochFrame: 'epoch {epoch}',
  lossValue: 'loss {loss}',
} as const;

export type LabelKey = keyof typeof en;

const ptBR: Record<LabelKey, string> = {
  lossTitle: 'Perda por época',
  lossAxisEpoch: 'época',
  lossAxisLoss: 'perda',
  lossAxisLossLog: 'perda (escala log)',
  train: 'treino',
  validation: 'validação',
  bestEpoch: 'melhor: época {epoch}',
  earlyStop: 'parada antecipada: época {epoch}',
  networkTitle: 'Rede {shape}',
  inputLayer: 'entrada',
  hiddenLayer: 'oculta {index}',
  outputLayer: 'saída',
  positiveWeight: 'peso positivo',
  negativeWeight: 'peso negativo',
  hiddenNeurons: '+{count} ocultos',
  activationFill: 'cor: ativação',
  blameFill: 'cor: culpa (δ do backprop)',
  boundaryTitle: 'Fronteira de decisão',
  confusionTitle: 'Matriz de confusão',
  actual: 'real',
  predicted: 'previsto',
  rocTitle: 'Curva ROC',
  rocTitleFor: 'Curva ROC ({positive})',
  falsePositiveRate: 'taxa de falsos positivos',
  truePositiveRate: 'taxa de verdadeiros positivos',
  chance: 'acaso',
  epochFrame: 'época {epoch}',
  lossValue: 'perda {loss}',
};

const tables: Record<Locale, Record<LabelKey, string>> = { en, 'pt-BR': ptBR };

/**
 * The label for `key` in `locale`, with {placeholders} filled from `values`.
 * @example label('pt-BR', 'bestEpoch', { epoch: 12 }) // "melhor: época 12"
 */
export function label(locale: Locale, key: LabelKey, values: Readonly<Record<string, string | number>> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A number the way the locale writes it (decimal comma in pt-BR). */
export function formatNumber(locale: Locale, value: number, fractionDigits = 2): string {
  return value.toLocaleString(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}
