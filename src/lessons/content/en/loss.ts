import type { LossText } from '../types.js';

export const loss: LossText = {
  title: 'The loss: how a network measures its own mistakes',
  summary: 'Squared error and cross-entropy: the single number that training pushes down',
  score: `**The CEO needs a score**
Before anyone can improve, the office needs to know how wrong it is. The CEO compares the network's answers with the **answer key** (the labels of the examples) and boils all the mistakes down to one number: the **loss**.
- 0 means every answer is perfect; bigger means worse.
- Training means exactly this: changing the weights so the loss goes down.
Which formula you use decides what counts as a "bad" mistake.`,
  squared: (v) => `**Squared error**
The simplest choice, for numbers:
\`${v.formula}\`
Engine values, with the answer key y = 1:
- prediction ${v.pClose}: loss ${v.close};
- prediction ${v.pFar}: loss ${v.far}.
Squaring makes every error positive and punishes big errors much more than small ones. It is the natural loss for predicting numbers (prices, temperatures).`,
  crossEntropy: (v) => `**Cross-entropy, for yes/no answers**
When the output is a probability p of "yes":
\`${v.formula}\`
Think of a quiz where you bet on your answers: being confidently wrong costs far more than being unsure. Engine values, true answer y = 1:
- p = ${v.pSure} (sure and right): loss **${v.sure}**
- p = ${v.pUnsure} (hesitant): loss **${v.unsure}**
- p = ${v.pWrong} (sure and wrong): loss **${v.wrong}**
As p approaches 0 the loss grows without limit. With several classes the same idea becomes -log of the probability given to the right class.`,
  push: (v) => `**The first push of the correction**
What training needs is not the loss itself but its **slope**: how the loss changes when the output neuron's sum z changes. For sigmoid + cross-entropy it is strikingly simple:
\`∂L/∂z = p - y\` (prediction minus answer)
- p = ${v.pSure}, y = 1: ${v.sureGrad} (a gentle nudge)
- p = ${v.pWrong}, y = 1: ${v.wrongGrad} (a strong push)
The more wrong, the stronger the push. With squared error the sigmoid's flat tail gets in the way: at p = ${v.pWrong} the same slope is only ${v.mseWrongGrad}, so a confidently wrong network barely learns. That is why yes/no networks use cross-entropy.`,
  average: (v) => `**One number for the whole data set**
The loss of a training set is the average over its examples. The picture shows it for the XOR network of the \`layers\` lesson: **${v.first}** in the first epoch, **${v.last}** in epoch ${v.epochs}.
That falling curve is the heartbeat of every training: \`/train\` shows it for your own runs.`,
  curveAlt: 'Loss per epoch of the 2-4-1 network learning XOR: it starts high and falls toward zero.',
  notAccuracy: `**Why not simply train on accuracy?**
Accuracy (the share of right answers) is what people want to hear, but it is a staircase: nudge a weight a tiny bit and usually not a single answer flips, so accuracy stays the same and gives no direction. The loss is smooth: every nudge changes it a little, so it has a slope everywhere, and a slope tells us which way is down.
So: train on the loss; report accuracy, AUC, recall (see \`imbalance\`). Next, \`backprop\`: how that slope reaches every weight.`,
};
