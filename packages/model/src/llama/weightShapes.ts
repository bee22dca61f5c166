import type { ModelConfig } from '../config/ModelConfig';

/** The canonical names of a model's parameters, in checkpoint order, with their shapes. */
export type WeightShapes = Map<string, number[]>;

/**
 * Names: `embedding`, `layers.{i}.{attnNorm|wq|bq|wk|bk|wv|bv|wo|bo|ffnNorm|w1|b1|w2|b2|w3|b3}`,
 * `finalNorm`, `classifier`. Biases (`b*`) exist only when the config asks for them.
 */
export function weightShapes(config: ModelConfig): WeightShapes {
  const { dim, hiddenDim, heads, kvHeads, vocab, headDim: hd } = config;
  const shapes: WeightShapes = new Map();
  const bias = (on: boolean, name: string, size: number) => on && shapes.set(name, [size]);
  shapes.set('embedding', [vocab, dim]);
  for (let i = 0; i < config.layers; i++) {
    const p = `layers.${i}.`;
    shapes.set(`${p}attnNorm`, [dim]);
    shapes.set(`${p}wq`, [dim, heads * hd]);
    bias(config.qkvBias, `${p}bq`, heads * hd);
    shapes.set(`${p}wk`, [dim, kvHeads * hd]);
    bias(config.qkvBias, `${p}bk`, kvHeads * hd);
    shapes.set(`${p}wv`, [dim, kvHeads * hd]);
    bias(config.qkvBias, `${p}bv`, kvHeads * hd);
    shapes.set(`${p}wo`, [heads * hd, dim]);
    bias(config.outBias, `${p}bo`, dim);
    shapes.set(`${p}ffnNorm`, [dim]);
    shapes.set(`${p}w1`, [dim, hiddenDim]);
    bias(config.mlpBias, `${p}b1`, hiddenDim);
    shapes.set(`${p}w2`, [hiddenDim, dim]);
    bias(config.mlpBias, `${p}b2`, dim);
    shapes.set(`${p}w3`, [dim, hiddenDim]);
    bias(config.mlpBias, `${p}b3`, hiddenDim);
  }
  shapes.set('finalNorm', [dim]);
  if (!config.sharedClassifier) shapes.set('classifier', [dim, vocab]);
  return shapes;
}
