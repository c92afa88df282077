/** The lessons the bot can post, in the order a newcomer would read them. */
export const TOPICS = [
  'neuron',
  'layers',
  'activation',
  'loss',
  'backprop',
  'gradient-descent',
  'overfitting',
  'imbalance',
  'stroke-demo',
] as const;

export type Topic = (typeof TOPICS)[number];

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}
