import type { NeuronText } from '../types.js';

export const neuron: NeuronText = {
  title: 'The neuron: the smallest piece of a neural network',
  summary: 'What one artificial neuron computes: a weighted sum, a bias and an activation',
  hook: `**What is a neural network, really?**
A function: f(x) = y. You put something in (x) and get an answer out (y).
- x can be a patient's data (age, blood pressure, glucose…) and y "stroke or not".
- x can be the pixels of a photo and y "dog or not".
Nobody writes the rules of f by hand. The network *learns* them from examples whose answers we already know. This thread is about its smallest part: one neuron.`,
  employee: `**A neuron is an employee**
Picture an office that has to decide something. One employee gets a few reports (the inputs x₁, x₂, …). They trust some reports more than others: that trust is a **weight** (w₁, w₂, …), and a negative weight means "this report argues *against*". They also have a personal inclination, the **bias** b: how easily they get excited to begin with.
The employee weighs the reports, adds their inclination, and then decides how strongly to "fire". That is all a neuron does.`,
  weightedSum: (v) => `**Step 1: the weighted sum**
The maths of "weigh the reports and add the inclination":
\`z = w₁·x₁ + w₂·x₂ + b\`
With inputs x₁ = ${v.x1}, x₂ = ${v.x2}, weights w₁ = ${v.w1}, w₂ = ${v.w2} and bias b = ${v.b}:
z = ${v.w1}·${v.x1} + (${v.w2})·${v.x2} + ${v.b} = **${v.z}**
(Our engine computed that number; you can check it by hand.) With more inputs the sum just gets longer: z = Σᵢ wᵢ·xᵢ + b.`,
  squash: (v) => `**Step 2: the activation (does it fire?)**
z can be any number, so the neuron passes it through an **activation function**. A classic one is the sigmoid:
\`${v.formula}\`
It squashes any z into a value between 0 and 1, like a dimmer rather than an on/off switch: very negative z → near 0, very positive → near 1, z = 0 → exactly 0.5.
Here: σ(${v.z}) = **${v.a}**. The employee fires fairly strongly. For the output neuron of a yes/no question this number is read as a probability.`,
  oneLine: (v) => `**What one neuron can and cannot do**
Since z = w₁·x₁ + w₂·x₂ + b, the points where z = 0 (where the answer flips) form a **straight line**. So one neuron can only separate two classes with a line.
- Two clouds of points: one neuron trained on them gets **${v.gaussAccuracy}** right (first picture).
- XOR (the class is "yes" when exactly one of x₁, x₂ is positive): no straight line works. One trained neuron gets **${v.xorAccuracy}** right, and the second picture is almost uniformly grey: its best compromise is "50/50" nearly everywhere, so which side of 50% each point falls on is down to tiny leftovers of training, and the score is no better than guessing (it can even come out worse, as here).
This is Frank Rosenblatt's perceptron (1958) and its limit, which Minsky and Papert made famous in their book *Perceptrons* (1969).`,
  gaussAlt: 'Decision boundary of a single trained neuron: a straight line that cleanly separates two clouds of points.',
  xorAlt: 'Decision boundary of a single trained neuron on XOR: one straight line cannot separate the four corners.',
  learning: `**So where does the learning happen?**
In the weights and the bias. At first they are random numbers: the employee trusts the wrong reports. Learning means nudging every weight, example after example, until the answers match the answer key.
Next:
- \`layers\`: many neurons together solve what one cannot (like XOR).
- \`activation\`: why the bend in σ matters.
- \`loss\` and \`backprop\`: how the network measures its error and knows which way to nudge each weight.`,
};
