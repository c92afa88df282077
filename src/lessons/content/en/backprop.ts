import type { BackpropText } from '../types.js';

export const backprop: BackpropText = {
  title: 'Backpropagation, step by step, with real numbers',
  summary: 'How a network learns: forward pass, the error, each neuron\'s share of the blame, one update',
  story: `**The whole idea in one office story**
At first everyone in the office guesses at random. An example comes in (x) and flows **forward**: employees report, managers combine, the CEO answers. The CEO checks the answer key and measures the error.
Then the correction flows **backward**: the CEO tells each manager how much of the error was theirs, each manager passes individual feedback on to their employees, and everyone adjusts their trust in the reports they received.
Forward, then backward, over many examples, until the error stops falling. That is **backpropagation**, made famous by Rumelhart, Hinton and Williams (Nature, 1986). In this thread our engine does it once, on a tiny network, and shows every number.`,
  setup: (v) => `**The network and the example**
2 inputs, 2 hidden neurons (h1, h2: the employees), 1 output (out: the CEO), sigmoid everywhere, cross-entropy loss. The weights are random, as before any training (seeded, so you always see the same ones); the biases start at 0.
Example: x1 = ${v.x1}, x2 = ${v.x2}; the answer key says y = ${v.y}.
Input → hidden weights:
${v.weights}
Hidden → output weights:
${v.outputWeights}`,
  weightLine: (v) => `${v.from} → ${v.to}: ${v.value}`,
  diagramAlt: 'The 2-2-1 network before training; lines coloured by the sign of each weight.',
  forwardHidden: (v) => `**Forward, 1: the employees**
Each hidden neuron makes its weighted sum z and fires a = σ(z), with \`${v.formula}\`:
${v.lines}
(The sums use the rounded numbers you see; the engine keeps every digit.)`,
  neuronLine: (v) => `${v.name}: z = ${v.sum} = ${v.z} → a = ${v.a}`,
  forwardOutput: (v) => `**Forward, 2: the CEO decides**
The output neuron reads the two employees' activations:
${v.line}
So the network says p = **${v.p}** ("yes" with that probability). The answer key says y = ${v.y}.
Cross-entropy loss: L = -log(p) = **${v.loss}**. The picture colours each neuron by its activation.`,
  activationsAlt: 'The 2-2-1 network with each neuron filled by its activation for this example.',
  blameOutput: (v) => `**Backward, 1: the CEO's share of the blame**
Backpropagation gives every neuron a number δ = ∂L/∂z: how much the loss would change if that neuron's sum z went up a little. That is its share of the blame, with a direction.
For the CEO (sigmoid + cross-entropy) it is simply prediction minus answer:
δ_out = p - y = ${v.p} - ${v.y} = **${v.delta}**
Negative means "your z should have been higher": the answer was too low.`,
  blameHidden: (v) => `**Backward, 2: the feedback reaches the employees**
Each employee's blame is the CEO's blame, times the weight that connects them (how much the CEO listened), times the employee's own slope (\`${v.derivative}\`):
δ_h = δ_out · w(h→out) · a_h·(1 - a_h)
${v.lines}
The signs differ because the CEO trusts one employee and distrusts the other: to raise p, the first should fire less and the second more. This is the **chain rule** of calculus, applied layer by layer. The picture colours each neuron by the size of its blame.`,
  blameLine: (v) => `${v.name}: ${v.deltaOut} · ${v.v} · ${v.a}·(1 - ${v.a}) = **${v.delta}**`,
  blameAlt: 'The 2-2-1 network with each neuron filled by the size of its blame (its backprop delta).',
  gradients: (v) => `**From blame to each weight**
A weight's gradient is the signal that went through it, times the blame of the neuron it feeds:
∂L/∂w = (input of the weight) · δ(receiving neuron)
A loud report sent to a very blamed neuron gets a large correction; a silent one (input 0) gets none.
${v.lines}
Biases work like a weight whose input is always 1, so their gradient is the neuron's δ: ${v.biasLines}`,
  gradientLine: (v) => `${v.from} → ${v.to}: ${v.input} · ${v.delta} = ${v.grad}`,
  update: (v) => `**One step: everyone adjusts**
Gradient descent moves each weight a little against its gradient: w_new = w - η·∂L/∂w, with learning rate η = ${v.rate}:
${v.lines}
On the same example the loss goes from ${v.lossBefore} to **${v.lossAfter}**, and p rises to ${v.pAfter}. One example, one small step in the right direction.`,
  updateLine: (v) => `${v.from} → ${v.to}: ${v.before} - ${v.rate}·${v.grad} = ${v.after}`,
  repeat: `**Then repeat, many times**
Real training does this for mini-batches of examples (averaging their gradients), over the whole data set (one **epoch**), for many epochs, until the loss stops falling.
Why it changed everything: one backward pass costs about as much as one forward pass, whatever the number of weights, because each δ is computed once and reused by every layer below. The chain rule was old; applying it this way to train hidden layers was popularised by Rumelhart, Hinton and Williams in 1986, building on earlier work (Linnainmaa 1970, Werbos 1974). Geoffrey Hinton went on to share the 2018 Turing Award (with Yoshua Bengio and Yann LeCun) and the 2024 Nobel Prize in Physics (with John Hopfield).
Next: \`gradient-descent\` (how big the steps should be).`,
};
