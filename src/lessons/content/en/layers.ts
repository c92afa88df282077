import type { LayersText } from '../types.js';

export const layers: LayersText = {
  title: 'Layers: how neurons team up',
  summary: 'Why many neurons in layers can learn what one neuron cannot (XOR, faces, strokes)',
  manyNeurons: `**From one neuron to an office**
One neuron draws one straight line, and that is not enough for most problems: XOR already needs two lines. The fix is to put neurons side by side (a **layer**) and to stack layers, so that later neurons work with what earlier ones found.`,
  office: `**The office analogy**
- **Employees** (the first hidden layer): each looks at the raw input and fires when they spot something in their own small area. In a photo, one notices an edge, another a patch of colour.
- **Managers** (the next layers): each combines the reports of several employees into a bigger pattern. Edges become eyes and noses; eyes and noses become faces.
- **The CEO** (the output neuron): reads the managers' reports and makes the final call: "dog, 92%".
Nobody assigns these jobs. Everyone starts out guessing at random, and the roles emerge during training.`,
  matrix: (v) => `**The maths of a layer**
A whole layer computes all its neurons at once:
\`z = x·W + b\`, then \`a = f(z)\`
W has one row per input and one column per neuron; each column holds one neuron's weights, and b holds one bias per neuron. The layer's outputs a are the next layer's inputs.
Our ${v.shape} network (2 inputs, 4 hidden neurons, 1 output) has 2·4 + 4 = ${v.first} parameters in the hidden layer and 4·1 + 1 = ${v.second} in the output: **${v.params}** numbers to learn.`,
  xorSolved: (v) => `**XOR, solved**
We trained that 2-4-1 network (tanh in the hidden layer, sigmoid at the output) on ${v.points} XOR points for ${v.epochs} epochs. It now gets **${v.accuracy}** of them right (the few misses are noisy points that strayed into the wrong quadrant), where a single neuron could do no better than guessing.
The picture shows its decision: each colour is where it answers 0 or 1. Two areas of each class, which no single line could ever produce.`,
  boundaryAlt: 'Decision boundary of the trained 2-4-1 network on XOR: opposite corners share a colour.',
  inside: (v) => `**Looking inside**
In the diagram, every line is a weight: the colour gives its sign, the thickness its size. Each hidden neuron (employee) draws its own straight line through the plane; the output neuron (CEO) adds up their opinions, trusting some and going against others.
Here the CEO listens most to **${v.unit}**, with a weight of ${v.weight}. Put together, a few straight lines carve out the XOR pattern.`,
  diagramAlt: 'Diagram of the trained 2-4-1 XOR network: lines coloured by the sign of each weight, thicker for larger weights.',
  deepOrWide: `**Wide or deep?**
With enough neurons, even one hidden layer can approximate any continuous function as closely as you like (Cybenko, 1989, and Hornik, 1991). But "enough" can be enormous. Stacking layers lets the network build patterns out of patterns (edges → eyes → faces), which usually needs far fewer neurons: that is the "deep" in deep learning.
The catch: more parameters need more examples, or the network memorises instead of learning (see \`overfitting\`). Next: \`activation\`, the bend that makes stacking worth it.`,
};
