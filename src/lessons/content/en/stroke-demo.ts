import type { StrokeDemoText } from '../types.js';

export const strokeDemo: StrokeDemoText = {
  title: 'Stroke prediction, step by step: the whole pipeline',
  summary: 'The bot\'s stroke demo from raw rows to an honest verdict (synthetic data here)',
  intro: (v) => `**The stroke demo, end to end**
Can a small network flag patients at risk of stroke from ten everyday facts (age, blood pressure, glucose…)? This thread follows the bot's real pipeline on the stroke data, every number computed now:
data → split → preprocessing → network → training → threshold → test → what it learned.
The columns follow the Stroke Prediction Dataset by fedesoriano (Kaggle).
_${v.notice}_`,
  data: (v) => `**1. The data**
${v.rows} patients, one row each. The columns the network sees: ${v.columns}. The target is \`stroke\` (0 or 1).
- ${v.positives} strokes (${v.rate}): heavily imbalanced (see \`imbalance\`).
- ${v.missingBmi} patients have no BMI recorded.
- Some columns are numbers (age, glucose), some are categories (work type, smoking status).`,
  preprocessing: (v) => `**2. Split first, then preprocess**
- ${v.test} patients are set aside as the **test** set, used once at the end. The split is stratified: every part keeps the same share of strokes.
- The rest is cut into ${v.fit} **training** and ${v.validation} **validation** patients.
Then, fitted on the training rows only:
- missing BMI → the training median;
- numbers standardised: z = (x - mean) / standard deviation, so age and glucose speak at the same volume;
- categories one-hot encoded: "smoking_status = smokes" becomes its own 0/1 input.
Result: **${v.inputs}** inputs. Fitting on all rows would leak the test data into training.`,
  network: (v) => `**3. The network and its recipe**
${v.shape}: ${v.hidden} tanh employees and one sigmoid CEO giving P(stroke); ${v.params} parameters.
- loss: cross-entropy with class weights, so strokes carry half of it;
- optimizer: Adam, learning rate ${v.rate}, mini-batches of ${v.batch};
- L2 regularisation ${v.l2}, against memorising;
- at most ${v.epochs} epochs, stopping early when the validation loss has not improved for ${v.patience} epochs.`,
  diagramAlt: 'Diagram of the stroke network: inputs on the left, hidden neurons, and the stroke probability on the right.',
  training: (v) => `**4. Training**
Training ran ${v.epochs} epochs (${v.status}). The validation loss was lowest at epoch ${v.best} (${v.valBest}); those are the weights the model keeps.
The two curves run side by side, with no sign of memorising: L2 and early stopping keep the network honest.`,
  curveAlt: 'Training and validation loss of the stroke network, with the best epoch marked.',
  threshold: (v) => `**5. The decision threshold**
The network outputs a probability. Where to draw the line between "flag" and "don't flag" is a separate decision, made on the validation rows: the bot picks the threshold that maximises Youden's J (recall + specificity - 1).
Here: flag a patient when P(stroke) ≥ **${v.threshold}**.
Why not 0.5? With class weights the probabilities are shifted, and the best trade-off for screening is rarely at 0.5.`,
  verdict: (v) => `**6. The honest verdict, on the test patients**
- ROC AUC **${v.auc}** (0.5 = coin toss)
- recall **${v.recall}**: ${v.found} of ${v.positives} strokes flagged
- precision ${v.precision}: ${v.falseAlarms} false alarms
- accuracy ${v.accuracy}, below the always-"no" baseline of ${v.baseline}, which finds no stroke at all
A screening tool trades false alarms for found strokes; the confusion matrix and the ROC curve show that trade.`,
  confusionAlt: 'Confusion matrix of the stroke network on the test patients.',
  rocAlt: 'ROC curve of the stroke network on the test patients.',
  learned: (v) => `**7. What did it learn?**
The inputs with the largest total weight into the hidden layer (what the employees listen to most): ${v.top}.
Read it as a clue, not a discovery. These synthetic rows were generated with a risk that rises with age, hypertension, heart disease and glucose, so age near the top is a good sign. Other names can appear for weaker reasons: weights can cancel each other out, and correlated columns share the credit. And a large weight is never a cause: a model finds associations in its data, nothing more.`,
  limits: `**8. Limits, honestly**
- With only a few hundred strokes, numbers move from one split to another: \`/train\` with \`folds\` cross-validates and reports the spread.
- A model is only as good as its data: the real data set is small and its patients are not a random sample of any country.
- This is an educational demo, **not medical advice**.
Try it: \`/train\` with dataset \`stroke\` (the bot uses the real file when its operator has configured one), then read the story of your own run.`,
};
