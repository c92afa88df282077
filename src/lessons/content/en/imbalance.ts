import type { ImbalanceText } from '../types.js';

export const imbalance: ImbalanceText = {
  title: 'The accuracy trap: imbalanced data',
  summary: 'Why "95 % accurate" can mean useless when 95 % of answers are "no", and what to report',
  trap: (v) => `**A model that is ${v.baseline} accurate and useless**
In the stroke data only about 1 patient in 20 had a stroke. A "model" that answers "no stroke" for everyone, without looking at anything, is right about ${v.baseline} of the time. It never finds a single stroke.
This is the **accuracy trap**, and it is easy to fall into: the lessons that inspired this project fell into it, celebrating a high accuracy that the trivial answer already had. This thread shows the trap with real computations, and the way out.`,
  alwaysNo: (v) => `**The numbers**
Our data set has ${v.rows} patients, of whom ${v.positives} had a stroke (${v.rate}).
Answering "no" for all of them: accuracy **${v.accuracy}**, strokes found: **0**.
Every accuracy on this data must be compared to that baseline, not to 50%.
_${v.notice}_`,
  naive: (v) => `**A network falls into it too**
We trained a network the naive way: plain loss, and "stroke" whenever its probability is at least 0.5. On ${v.testRows} test patients it never saw:
- accuracy **${v.accuracy}** (the always-"no" baseline on the same rows: ${v.baseline});
- recall **${v.recall}**: it found ${v.found} of the ${v.positives} strokes.
Why? 95% of the examples are "no" patients, so the cheapest way to lower the loss is to lean toward "no": the predicted probabilities stay low and rarely, if ever, reach 0.5. Yet its ROC AUC is ${v.auc}: it does rank stroke patients higher than others most of the time. The ranking is there; the naive 0.5 cut-off wastes it.`,
  naiveAlt: 'Confusion matrix of the naive network: nearly all patients predicted "no stroke".',
  metrics: `**Numbers that cannot be fooled by "always no"**
Count the four outcomes of the confusion matrix: true positives (TP, strokes found), false negatives (FN, strokes missed), false positives (FP, false alarms), true negatives (TN).
- **Recall** (sensitivity) = TP / (TP + FN): of the real strokes, how many were found. Always-"no" scores 0.
- **Precision** = TP / (TP + FP): of the alarms, how many were real.
- **ROC AUC**: the chance that a random stroke patient gets a higher score than a random non-stroke patient. 0.5 is a coin toss, 1 is perfect, and it does not depend on any threshold.
Report these next to accuracy, and always with the baseline.`,
  fixes: (v) => `**Two fixes, both in the bot's stroke recipe**
1. **Class weights**: make each stroke count more in the loss. Weighting each class by n / (2 · its count) gives "no" ${v.weightNo} and "stroke" ${v.weightYes}: one stroke now weighs as much as about ${v.ratio} "no" patients, and both classes carry half the loss. Ignoring strokes is no longer cheap.
2. **Choose the threshold on validation data**: instead of 0.5, pick the cut-off that best balances catching strokes against false alarms (Youden's J = recall + specificity - 1), using validation rows, never the test rows.
(Another option, oversampling, repeats the rare rows; \`/train\` offers it too.)`,
  balanced: (v) => `**The result**
Same data, same network size, with class weights and a validation-chosen threshold (${v.threshold}), on the same test patients:
- recall **${v.recall}**: it finds ${v.found} of the ${v.positives} strokes;
- precision ${v.precision}: it raises ${v.falseAlarms} false alarms on the way;
- ROC AUC ${v.auc}; accuracy ${v.accuracy}, *lower* than the useless baseline.
That is the honest trade: to catch strokes, a screening model must accept false alarms. Lower accuracy, far more useful.`,
  balancedAlt: 'Confusion matrix of the class-weighted network: most strokes found, with a number of false alarms.',
  rocAlt: 'ROC curve of the class-weighted network on the test patients, well above the chance diagonal.',
  rules: `**Rules for imbalanced data**
- Always print the baseline (the accuracy of answering the majority class).
- Report recall, precision and ROC AUC (PR AUC too when positives are very rare).
- Make the rare class count (class weights or oversampling) and pick the threshold on validation rows.
- Use stratified splits, so every part has its share of the rare class.
These numbers come from synthetic data and an educational bot: they are no medical advice. \`stroke-demo\` walks through the whole pipeline.`,
};
