import type { GradientDescentText } from '../types.js';

export const gradientDescent: GradientDescentText = {
  title: 'Gradient descent: walking downhill in the fog',
  summary: 'How the weights move, and what the learning rate does (too small, right, too high)',
  mountain: `**Down a mountain, in the fog**
Imagine you are on a mountain in thick fog and want to reach the valley. You cannot see it, but you can feel the slope under your feet. So you take a step downhill, feel again, take another step.
The mountain is the loss; your position is the set of all the weights (one direction per weight, thousands of them). The slope in every direction at once is the **gradient**, and backpropagation is how we measure it.`,
  rule: `**The rule**
For every weight w:
\`w ← w - η · ∂L/∂w\`
- ∂L/∂w: the slope of the loss along that weight (from backprop);
- the minus sign: go against the slope, downhill;
- η (eta): the **learning rate**, the length of the step.
The slope says which way; the learning rate says how far. Getting η wrong is the most common reason a training fails.`,
  batches: (v) => `**Batches and epochs**
Computing the exact slope means looking at every example before each step. That is **gradient descent** in its pure form. In practice we usually estimate the slope from a small random **mini-batch** (say 32 examples): noisier, but many more steps for the same work. That is **stochastic** gradient descent (SGD). One **epoch** is one pass over all the data.
For the next three posts we use the pure form: all ${v.points} "circle" points in every step, so one epoch = one step, and change only η.`,
  tooSmall: (v) => `**η = ${v.rate}: too small**
Every step is tiny. After ${v.epochs} steps the loss went from ${v.first} to only **${v.last}**. It is going the right way, but it would need many more epochs (and your patience) to get there.`,
  justRight: (v) => `**η = ${v.rate}: about right**
Same network, same data, same start. The loss goes from ${v.first} to **${v.last}** in ${v.epochs} steps. Bigger steps, still in control: each one lands lower than the last (almost always).`,
  tooHigh: (v) => `**η = ${v.rate}: too high, it diverges**
Now each step overshoots the valley and lands higher on the opposite slope, which is steeper, so the next step is even bigger… The loss, epoch by epoch:
${v.climb}
Instead of falling it **explodes**: that is divergence. Our engine watches for it and stopped at epoch ${v.epoch}, keeping the best weights it had, with this message:
> ${v.message}`,
  curveAlt: (v) => `Loss per epoch of full-batch gradient descent with learning rate ${v.rate}.`,
  betterWalkers: `**Smarter walkers**
- **Momentum** (Polyak, 1964): a heavy ball rolling downhill keeps its speed, so it crosses small bumps and does not zigzag as much.
- **Adam** (Kingma and Ba, 2015): adapts the step size of each weight from the history of its own gradients. It is forgiving about η, and it is what \`/train\` uses by default.
Rules of thumb: if the loss explodes, divide the learning rate by 10; if it crawls, multiply it by 3. Try it: \`/train\` with a tiny learning rate, then a huge one, and compare the curves.`,
};
