import type { NarrativeText } from '../types.js';

export const narrative: NarrativeText = {
  title: (v) => `The story of your run on ${v.dataset}`,
  overview: (v) => `**The story of this run**
Data: \`${v.dataset}\`, ${v.rows} rows. Network: **${v.shape}** (hidden layers: ${v.hidden}), ${v.params} weights and biases, all random at the start.
Training: ${v.optimizer} with learning rate ${v.rate}, mini-batches of ${v.batch}, at most ${v.epochs} epochs.
In office terms: the hidden neurons are the employees (and managers, if there are several layers); the output neuron is the CEO who makes the final call.`,
  noHidden: 'none (the CEO reads the inputs directly)',
  diagramAlt: 'Diagram of the trained network: lines coloured by the sign of each weight, thicker for larger weights.',
  lossWithValidation: (v) => `**How the loss fell**
- Training loss: **${v.trainFirst}** in epoch 1, **${v.trainLast}** in epoch ${v.epochs}.
- Validation loss (rows it never learned from): ${v.valFirst} at first, best **${v.valBest}** at epoch **${v.best}**, last **${v.valLast}**.
${
    String(v.best) === String(v.epochs)
      ? 'The validation loss was still falling in the last epoch: more epochs might help.'
      : `Epoch ${v.best} is where the validation loss stopped improving: after it, further training did not help on new data.`
  }`,
  lossTrainOnly: (v) => `**How the loss fell**
Training loss: **${v.trainFirst}** in epoch 1, best **${v.trainBest}**, last **${v.trainLast}** in epoch ${v.epochs}. There were no validation rows, so we cannot tell learning from memorising.`,
  neverImproved: `**How the loss fell**
It didn't: no epoch beat the random starting weights on the validation rows. Something is off: try a smaller learning rate, or check the data.`,
  curveAlt: 'Training and validation loss per epoch of this run.',
  staffIntro: `**Who ended up doing what**
Nobody assigned these roles; training did. For each neuron, the inputs it listens to most (largest weights; + means "pushes me up", - means "pushes me down"):`,
  employees: '**Employees** (first hidden layer):',
  managers: (v) => `**Managers** (layer ${v.layer}):`,
  ceo: '**The CEO** (output):',
  staffLine: (v) => `${v.name} ← ${v.inputs}`,
  moreNeurons: (v) => `… and ${v.count} more, which the next layer listens to less`,
  ceoDirect: (v) => `There are no hidden layers: the CEO weighs the inputs directly. Strongest: ${v.inputs}.`,
  traceForward: (v) => `**One example, forward**
Row ${v.row} of the data, held out for validation, is one the network finds hard. Its real class: **${v.label}**. It flows through the network (the picture colours each neuron by its activation) and the CEO answers ${v.output}.
With the decision threshold ${v.threshold}, that means: **${v.decision}**.`,
  traceMulticlass: (v) => `**One example, forward**
Row ${v.row} of the data, held out for validation, is one the network finds hard. Its real class: **${v.label}**. It flows through the network (the picture colours each neuron by its activation) and the CEO answers: ${v.output}. Its pick: **${v.decision}**.`,
  activationsAlt: 'The network with each neuron filled by its activation for one validation example.',
  traceBackward: (v) => `**The same example, backward**
The loss on this example is ${v.loss}. The CEO's blame (δ = prediction minus answer): ${v.outputDelta}. Passed back through the weights, the neuron most to blame in each hidden layer:
${v.lines}
This is what backpropagation computes for every example, and the weights then move a little against it (see \`backprop\`).`,
  blameLine: (v) => `layer ${v.layer}: ${v.name}, δ = ${v.delta}`,
  blameAlt: 'The network with each neuron filled by its share of the blame for this example.',
  verdictBinary: (v) => `**The honest verdict** (${v.samples} test rows the network never saw)
- ROC AUC **${v.auc}** (0.5 = coin toss, 1 = perfect)
- recall ${v.recall}, precision ${v.precision}
- accuracy ${v.accuracy}, against ${v.baseline} for always answering the most common class`,
  verdictMulticlass: (v) => `**The honest verdict** (${v.samples} test rows the network never saw)
- accuracy **${v.accuracy}**, against ${v.baseline} for always answering the most common class
- mean recall over the classes ${v.recall}; mean ROC AUC ${v.auc}`,
  imbalanced: (v) => `⚠️ Imbalanced data: the rarer class is only ${v.rate} of the rows, so answering "no" every time already scores ${v.baseline}. Judge this run by its AUC and recall, not by its accuracy.`,
  beatsBaseline: 'Its accuracy beats the majority baseline.',
  belowBaseline: 'Its accuracy does not beat the majority baseline. On imbalanced data that can be the price of finding the rare class (check the recall); otherwise the network has not learned much.',
  weakRanking: (v) => `⚠️ An AUC of ${v.auc} is close to a coin toss: the network barely separates the classes.`,
  overfit: (v) => `⚠️ Signs of overfitting: the validation loss was ${v.valBest} at epoch ${v.best} and ended at ${v.valLast} while the training loss kept falling. Try early stopping, L2 or a smaller network.`,
  earlyStopped: (v) => `Early stopping ended the run and kept the weights of epoch ${v.epoch}.`,
  diverged: (v) => `⚠️ ${v.message}`,
  aborted: '⚠️ The run was cancelled before it finished: these are the weights it had at that moment.',
  confusionAlt: 'Confusion matrix of the test rows: actual classes against predicted ones.',
  rocAlt: 'ROC curve on the test rows.',
};
