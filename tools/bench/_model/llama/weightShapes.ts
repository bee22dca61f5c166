import type { ModelConfig } from '../config/ModelConfig';

/** The canonical names of a model's parameters, in checkpoint order, with their shapes. */
export type WeightShapes = Map<string, number[]>;

/** Names: `embedding`, `layers.{i}.{attnNorm|wq|wk|wv|wo|ffnNorm|w1|w2|w3}`, `finalNorm`, `classifier`. */
export function weightShapes(config: ModelConfig): WeightShapes {
  const { dim, hiddenDim, heads, kvHeads, vocab } = config;
  const hd = dim / heads;
  const shapes: WeightShapes = new Map();
  shapes.set('embedding', [vocab, dim]);
  for (let i = 0; i < config.layers; i++) {
    const p = `layers.${i}.`;
    shapes.set(`${p}attnNorm`, [dim]);
    shapes.set(`${p}wq`, [dim, heads * hd]);
    shapes.set(`${p}wk`, [dim, kvHeads * hd]);
    shapes.set(`${p}wv`, [dim, kvHeads * hd]);
    shapes.set(`${p}wo`, [heads * hd, dim]);
    shapes.set(`${p}ffnNorm`, [dim]);
    shapes.set(`${p}w1`, [dim, hiddenDim]);
    shapes.set(`${p}w2`, [hiddenDim, dim]);
    shapes.set(`${p}w3`, [dim, hiddenDim]);
  }
  shapes.set('finalNorm', [dim]);
  if (!config.sharedClassifier) shapes.set('classifier', [dim, vocab]);
  return shapes;
}
