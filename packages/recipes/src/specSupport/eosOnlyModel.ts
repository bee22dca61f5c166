import {
  modelFromWeights,
  resolveModelConfig,
  weightShapes,
  type LlamaModel,
} from '@prefopt/model';

/**
 * A real tiny Llama whose next token is always `eosId`: every embedding is e₀, the layers
 * add nothing (wo, w2 zero), so the final norm gives √dim·e₀ and the classifier's only
 * non-zero weight, e₀ → eosId (20), makes EOS's logit 20·√8 ≈ 57 against 0 for every other
 * token — greedy picks it and sampling at temperature 1 does with probability ≈ 1 − V·e⁻⁵⁷.
 */
export function eosOnlyModel(vocab: number, eosId: number): LlamaModel {
  const config = resolveModelConfig({
    dim: 8,
    hiddenDim: 16,
    layers: 1,
    heads: 2,
    kvHeads: 2,
    vocab,
    seqLen: 64,
    sharedClassifier: false,
  });
  const weights = new Map<string, Float32Array>();
  for (const [name, shape] of weightShapes(config)) {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (name.endsWith('Norm')) values.fill(1);
    if (name === 'embedding') for (let t = 0; t < vocab; t++) values[t * config.dim] = 1; // [V, D]
    if (name === 'classifier') values[eosId] = 20; // [D, V]: row 0, column eosId
    weights.set(name, values);
  }
  return modelFromWeights(config, weights, 'eosOnlyModel');
}
