import type { OverfittingText } from '../types.js';

export const overfitting: OverfittingText = {
  title: 'Overfitting: when a network memorises instead of learning',
  summary: 'Training vs validation loss, how to spot memorising, and how to stop it in time',
  student: `**Two students**
Two students prepare for an exam with last year's questions. One understands why each answer is right. The other memorises the answers, down to the typos. On last year's questions both score 100%. On new questions, only the first one does well.
A network with enough weights can do what the second student does: memorise its training examples, noise included. That is **overfitting**. Its score on the data it trained on looks great and says nothing about new data.`,
  heldOut: `**The fix starts with held-out data**
We split the examples before training:
- **training** rows: the network learns from these;
- **validation** rows: a mock exam, checked after every epoch, never learned from;
- **test** rows: the real exam, used once at the very end.
As long as the network learns real patterns, the validation loss falls with the training loss. When it starts memorising, the validation loss turns back up.`,
  experiment: (v) => `**An experiment built to overfit**
"Moons" data (two interleaved half circles) with a lot of noise: ${v.fit} points to learn from, ${v.validation} held out for validation. The network is far too big for that: ${v.shape}, **${v.params}** weights and biases for ${v.fit} points. We train it for ${v.epochs} epochs, with no early stopping, and watch both losses.`,
  curveAlt: 'Training loss falling all the way, validation loss falling then rising again; the best epoch is marked.',
  curves: (v) => `**What the curves say**
- Training loss: ${v.trainFirst} → **${v.trainLast}**. It keeps falling: the network fits its examples better and better.
- Validation loss: lowest at epoch **${v.best}** (${v.valBest}), then it climbs back to **${v.valLast}**.
From epoch ${v.best} on, every improvement on the training data is memorised noise, and it costs accuracy on new points: validation accuracy ${v.accBest} at the best epoch, ${v.accLast} at the end. (Accuracy moves less than the loss: the network also becomes over-confident on the points it gets wrong.)`,
  boundaries: (v) => `**Seen on the map**
Both pictures show the validation points, which the network never trained on.
- At epoch ${v.best} (the best validation loss) the boundary is a simple curve between the two moons.
- At epoch ${v.epochs} it twists around single training points, carving islands for noise that will not be there in new data.`,
  bestTitle: (v) => `Best validation loss: epoch ${v.epoch}`,
  bestAlt: (v) => `Epoch ${v.epoch}: a smooth decision boundary between the two moons (validation points shown).`,
  lastTitle: (v) => `After epoch ${v.epoch}`,
  lastAlt: (v) => `Epoch ${v.epoch}: a twisted decision boundary that wraps around individual noisy points.`,
  remedies: `**How to prevent it**
- **Early stopping**: watch the validation loss and stop when it has not improved for a while (the "patience"), keeping the weights of the best epoch. \`/train\` does this by default.
- **More data**: noise averages out; real patterns do not.
- **A smaller network**: fewer weights, less room to memorise.
- **L2 regularisation** (weight decay): a penalty on large weights, which keeps the boundary smooth (the \`l2\` option).
- **Dropout** (Srivastava, Hinton and colleagues, 2014): randomly silencing neurons during training. Our engine does not implement it yet.`,
  rule: `**The rule to remember**
Judge a network only on data it never learned from. Choose settings (epochs, size, threshold) on the validation rows, and touch the test rows once, at the end; otherwise the test score becomes one more thing you fitted.
With small data sets a single split is luck-dependent, so \`/train\` can also cross-validate (the \`folds\` option): train k times, each time testing on a different fifth (or k-th) of the data, and report the mean and spread.`,
};
