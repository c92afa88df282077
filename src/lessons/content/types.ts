/**
 * The shape of every lesson's prose. Each language implements these interfaces (content/en,
 * content/pt-BR), so a missing or misspelt key is a type error; `missingTranslations` finds the same
 * at run time for the tests.
 *
 * Texts with numbers are functions of already formatted strings: generators compute the numbers
 * with the engine and format them with formatNumber, the prose only places them.
 */

/** Prose with values filled in (every value already formatted). */
export type Fill<K extends string> = (v: Readonly<Record<K, string>>) => string;

/** What every topic has: a thread name and a one-line summary. */
export interface TopicMeta {
  /** Thread name (at most 100 characters). */
  title: string;
  /** One line for /help and the /explain choices (at most 100 characters). */
  summary: string;
}

export interface NeuronText extends TopicMeta {
  hook: string;
  employee: string;
  weightedSum: Fill<'x1' | 'x2' | 'w1' | 'w2' | 'b' | 'z'>;
  squash: Fill<'formula' | 'z' | 'a'>;
  oneLine: Fill<'gaussAccuracy' | 'xorAccuracy'>;
  gaussAlt: string;
  xorAlt: string;
  learning: string;
}

export interface LayersText extends TopicMeta {
  manyNeurons: string;
  office: string;
  matrix: Fill<'shape' | 'params' | 'first' | 'second'>;
  xorSolved: Fill<'points' | 'accuracy' | 'epochs'>;
  boundaryAlt: string;
  inside: Fill<'unit' | 'weight'>;
  diagramAlt: string;
  deepOrWide: string;
}

export interface ActivationText extends TopicMeta {
  why: string;
  temperament: string;
  sigmoid: Fill<'formula' | 'derivative' | 'values' | 'peak'>;
  tanh: Fill<'formula' | 'derivative' | 'values'>;
  relu: Fill<'formula' | 'derivative' | 'leaky' | 'values'>;
  softmax: Fill<'formula' | 'z' | 'p' | 'sum'>;
  /** One line of the value lists above: "z = -2: a = 0.119, slope 0.105". */
  valueLine: Fill<'z' | 'a' | 'slope'>;
  compare: Fill<'tanhAccuracy' | 'reluAccuracy'>;
  tanhAlt: string;
  reluAlt: string;
}

export interface LossText extends TopicMeta {
  score: string;
  squared: Fill<'formula' | 'pClose' | 'close' | 'pFar' | 'far'>;
  crossEntropy: Fill<'formula' | 'pSure' | 'sure' | 'pUnsure' | 'unsure' | 'pWrong' | 'wrong'>;
  push: Fill<'pSure' | 'sureGrad' | 'pWrong' | 'wrongGrad' | 'mseWrongGrad'>;
  average: Fill<'first' | 'last' | 'epochs'>;
  curveAlt: string;
  notAccuracy: string;
}

export interface BackpropText extends TopicMeta {
  story: string;
  setup: Fill<'x1' | 'x2' | 'y' | 'weights' | 'outputWeights'>;
  /** One weight in a list: "x1 → h1: 0.250". */
  weightLine: Fill<'from' | 'to' | 'value'>;
  diagramAlt: string;
  forwardHidden: Fill<'lines' | 'formula'>;
  /** One neuron's forward computation. */
  neuronLine: Fill<'name' | 'sum' | 'z' | 'a'>;
  forwardOutput: Fill<'line' | 'p' | 'y' | 'loss'>;
  activationsAlt: string;
  blameOutput: Fill<'p' | 'y' | 'delta'>;
  blameHidden: Fill<'lines' | 'derivative'>;
  /** One hidden neuron's blame. */
  blameLine: Fill<'name' | 'deltaOut' | 'v' | 'a' | 'delta'>;
  blameAlt: string;
  gradients: Fill<'lines' | 'biasLines'>;
  /** One weight's gradient: input x delta. */
  gradientLine: Fill<'from' | 'to' | 'input' | 'delta' | 'grad'>;
  update: Fill<'rate' | 'lines' | 'lossBefore' | 'lossAfter' | 'pAfter'>;
  /** One weight's update. */
  updateLine: Fill<'from' | 'to' | 'before' | 'rate' | 'grad' | 'after'>;
  repeat: string;
}

export interface GradientDescentText extends TopicMeta {
  mountain: string;
  rule: string;
  batches: Fill<'points'>;
  tooSmall: Fill<'rate' | 'first' | 'last' | 'epochs'>;
  justRight: Fill<'rate' | 'first' | 'last' | 'epochs'>;
  tooHigh: Fill<'rate' | 'climb' | 'epoch' | 'message'>;
  /** Alt text of a loss curve for one learning rate. */
  curveAlt: Fill<'rate'>;
  betterWalkers: string;
}

export interface OverfittingText extends TopicMeta {
  student: string;
  heldOut: string;
  experiment: Fill<'fit' | 'validation' | 'shape' | 'params' | 'epochs'>;
  curveAlt: string;
  curves: Fill<'trainFirst' | 'trainLast' | 'best' | 'valBest' | 'valLast' | 'accBest' | 'accLast'>;
  boundaries: Fill<'best' | 'epochs'>;
  /** Picture titles and alt texts of the two boundaries. */
  bestTitle: Fill<'epoch'>;
  bestAlt: Fill<'epoch'>;
  lastTitle: Fill<'epoch'>;
  lastAlt: Fill<'epoch'>;
  remedies: string;
  rule: string;
}

export interface ImbalanceText extends TopicMeta {
  trap: Fill<'baseline'>;
  alwaysNo: Fill<'rows' | 'positives' | 'rate' | 'accuracy' | 'notice'>;
  naive: Fill<'testRows' | 'accuracy' | 'baseline' | 'recall' | 'found' | 'positives' | 'auc'>;
  naiveAlt: string;
  metrics: string;
  fixes: Fill<'weightNo' | 'weightYes' | 'ratio'>;
  balanced: Fill<'accuracy' | 'recall' | 'precision' | 'auc' | 'threshold' | 'found' | 'positives' | 'falseAlarms'>;
  balancedAlt: string;
  rocAlt: string;
  rules: string;
}

export interface StrokeDemoText extends TopicMeta {
  intro: Fill<'notice'>;
  data: Fill<'rows' | 'columns' | 'positives' | 'rate' | 'missingBmi'>;
  preprocessing: Fill<'test' | 'fit' | 'validation' | 'inputs'>;
  network: Fill<'shape' | 'params' | 'hidden' | 'rate' | 'l2' | 'batch' | 'epochs' | 'patience'>;
  diagramAlt: string;
  training: Fill<'epochs' | 'best' | 'valBest' | 'status'>;
  curveAlt: string;
  threshold: Fill<'threshold'>;
  verdict: Fill<'auc' | 'recall' | 'precision' | 'accuracy' | 'baseline' | 'found' | 'positives' | 'falseAlarms'>;
  confusionAlt: string;
  rocAlt: string;
  learned: Fill<'top'>;
  limits: string;
}

/** The story of one finished /train run. */
export interface NarrativeText {
  title: Fill<'dataset'>;
  overview: Fill<'dataset' | 'rows' | 'shape' | 'params' | 'hidden' | 'optimizer' | 'rate' | 'epochs' | 'batch'>;
  noHidden: string;
  diagramAlt: string;
  lossWithValidation: Fill<'trainFirst' | 'trainLast' | 'valFirst' | 'best' | 'valBest' | 'valLast' | 'epochs'>;
  lossTrainOnly: Fill<'trainFirst' | 'trainBest' | 'trainLast' | 'epochs'>;
  neverImproved: string;
  curveAlt: string;
  staffIntro: string;
  /** Heads of the staff list: first hidden layer, later hidden layers, the output. */
  employees: string;
  managers: Fill<'layer'>;
  ceo: string;
  /** One neuron's strongest inputs: "h3 ← age (+1.20), bmi (-0.80)". */
  staffLine: Fill<'name' | 'inputs'>;
  moreNeurons: Fill<'count'>;
  ceoDirect: Fill<'inputs'>;
  traceForward: Fill<'row' | 'label' | 'output' | 'decision' | 'threshold'>;
  traceMulticlass: Fill<'row' | 'label' | 'output' | 'decision'>;
  activationsAlt: string;
  traceBackward: Fill<'loss' | 'outputDelta' | 'lines'>;
  /** One layer's most blamed neuron. */
  blameLine: Fill<'layer' | 'name' | 'delta'>;
  blameAlt: string;
  verdictBinary: Fill<'auc' | 'recall' | 'precision' | 'accuracy' | 'baseline' | 'samples'>;
  verdictMulticlass: Fill<'accuracy' | 'baseline' | 'recall' | 'auc' | 'samples'>;
  imbalanced: Fill<'rate' | 'baseline'>;
  beatsBaseline: string;
  belowBaseline: string;
  weakRanking: Fill<'auc'>;
  overfit: Fill<'best' | 'valBest' | 'valLast'>;
  earlyStopped: Fill<'epoch'>;
  diverged: Fill<'message'>;
  aborted: string;
  confusionAlt: string;
  rocAlt: string;
}

/** Every text of one language. */
export interface LessonTexts {
  neuron: NeuronText;
  layers: LayersText;
  activation: ActivationText;
  loss: LossText;
  backprop: BackpropText;
  gradientDescent: GradientDescentText;
  overfitting: OverfittingText;
  imbalance: ImbalanceText;
  strokeDemo: StrokeDemoText;
  narrative: NarrativeText;
}
