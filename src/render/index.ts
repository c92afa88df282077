/**
 * Pictures of a training run: PNGs (and one GIF) that the bot attaches and the CLI writes to
 * --out. Inputs are plain structural data (see types.ts), so render never imports the engine.
 */
export type * from './types.js';
export { registerFonts, FONT_FAMILY } from './fonts.js';
export { renderLossCurve, wantsLogScale } from './loss-curve.js';
export { renderNetworkDiagram, layoutNetwork, networkShape, type NetworkDiagramOptions, type NetworkView, type NetworkLayout } from './network-diagram.js';
export { renderDecisionBoundary, boundaryLayout, resolveDomain, type BoundaryLayout } from './decision-boundary.js';
export { renderConfusionMatrix, confusionLayout, type ConfusionLayout } from './confusion-matrix.js';
export { renderRocCurve } from './roc-curve.js';
export { renderTrainingGif, MAX_GIF_BYTES, type TrainingGifOptions } from './training-gif.js';
export { renderRunImages, type RunImagesInput, type RunImage, type RunImageName } from './run-images.js';
export { paletteFor, type Palette } from './theme.js';
