import type { ActivationText } from '../types.js';

export const activation: ActivationText = {
  title: 'Activation functions: the bend that makes depth work',
  summary: 'Sigmoid, tanh, ReLU and softmax: what they do, their slopes, and why networks need them',
  why: `**Why not just add things up?**
Without an activation, a layer is only a weighted sum, and a weighted sum of weighted sums is… another weighted sum. In maths: (x·W₁)·W₂ = x·(W₁·W₂). A hundred such layers would collapse into one, and still draw a single straight line.
The activation puts a **bend** after every sum. Bends are what let a stack of layers draw curves, rings and spirals.`,
  temperament: `**The analogy: temperament**
The activation is an employee's temperament, how they turn the evidence (z) into a reaction (a):
- the **sigmoid** employee reacts on a scale from "not at all" (0) to "fully" (1);
- the **tanh** employee can also object: from -1 ("strongly against") to +1 ("strongly for");
- the **ReLU** employee stays silent until the evidence is positive, then reacts in proportion.
What matters for learning is also the **slope** f'(z): it says how much a small change in z changes the reaction, and backpropagation multiplies these slopes on its way back.`,
  sigmoid: (v) => `**Sigmoid**
\`${v.formula}\`
\`${v.derivative}\`
Computed by the engine:
${v.values}
The slope is at most ${v.peak} (at z = 0) and nearly 0 once |z| is large: a very sure sigmoid hardly passes any correction back. Stack many of them and the corrections fade layer after layer: the **vanishing gradient** problem. Today sigmoid is used mostly at the output of yes/no networks.`,
  tanh: (v) => `**tanh (hyperbolic tangent)**
\`${v.formula}\`
\`${v.derivative}\`
Computed by the engine:
${v.values}
It is a stretched sigmoid, centred on 0, with a slope of up to 1. Outputs of both signs keep the next layer's inputs balanced, which often makes training faster than with sigmoid. It still flattens out for large |z|.`,
  relu: (v) => `**ReLU (rectified linear unit)**
\`${v.formula}\`
\`${v.derivative}\`
Computed by the engine:
${v.values}
Cheap, and its slope is exactly 1 for every positive z, so corrections pass through many layers without fading. That is why ReLU became the default of deep networks around 2010-2012. Its weak spot: a neuron whose z is always negative never fires and never learns (a "dead" neuron). **Leaky ReLU** keeps a small slope below zero: \`${v.leaky}\`.`,
  softmax: (v) => `**Softmax: choosing among several classes**
When the CEO must pick one of several classes (iris species, digits), the output layer uses softmax:
\`${v.formula}\`
It turns any scores into probabilities that add up to 1, keeping their order. Engine example: scores z = (${v.z}) → probabilities (${v.p}), total ${v.sum}.
Each probability depends on *all* the scores, which is why its derivative has two indices.`,
  valueLine: (v) => `z = ${v.z}: f(z) = ${v.a}, slope ${v.slope}`,
  compare: (v) => `**Same network, different temperament**
We trained the same 2-8-1 network twice on the "circle" points (one class inside a ring of the other), changing only the hidden activation:
- tanh: **${v.tanhAccuracy}** right; its boundary is a smooth curve;
- ReLU: **${v.reluAccuracy}** right; its boundary is made of straight pieces, because each ReLU neuron is a bent line.
Both can do the job: the activation shapes *how* the network bends its lines. Try it yourself: \`/train\` with dataset \`circle\` and activation \`relu\`.`,
  tanhAlt: 'Decision boundary of a 2-8-1 tanh network on the circle data: a smooth closed curve.',
  reluAlt: 'Decision boundary of a 2-8-1 ReLU network on the circle data: a polygon made of straight pieces.',
};
