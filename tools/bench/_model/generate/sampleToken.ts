import type { XorshiftRng } from './XorshiftRng';

export interface SamplingOptions {
  /** 0 = greedy (argmax); otherwise logits are divided by it before the softmax. */
  temperature: number;
  /** Nucleus sampling: keep the smallest set of tokens whose mass exceeds topP; 1 = off. */
  topP: number;
}

/**
 * The next token from one row of logits, as llama2.c's `sample` picks it: argmax at
 * temperature 0, else a coin flip over softmax(logits / temperature), restricted to the
 * top-p nucleus when 0 < topP < 1.
 */
export function sampleToken(
  logits: Float32Array,
  options: SamplingOptions,
  rng: Pick<XorshiftRng, 'nextFloat'>,
): number {
  const n = logits.length;
  if (options.temperature === 0) {
    let best = 0;
    for (let i = 1; i < n; i++) if (logits[i] > logits[best]) best = i;
    return best;
  }
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, logits[i] / options.temperature);
  const probs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += probs[i] = Math.exp(logits[i] / options.temperature - max);
  for (let i = 0; i < n; i++) probs[i] /= sum;
  const coin = rng.nextFloat();
  if (options.topP <= 0 || options.topP >= 1) return pick(Array.from(probs.keys()), probs, coin, 1);
  // llama2.c's sample_topp: drop tokens below (1 − p)/(n − 1), sort, cut where mass > p
  const cutoff = (1 - options.topP) / (n - 1);
  const order = Array.from(probs.keys())
    .filter((i) => probs[i] >= cutoff)
    .sort((a, b) => probs[b] - probs[a] || a - b);
  let mass = 0;
  let last = order.length - 1;
  for (let k = 0; k < order.length; k++) {
    mass += probs[order[k]];
    if (mass > options.topP) {
      last = k;
      break;
    }
  }
  return pick(order.slice(0, last + 1), probs, coin, mass);
}

/** The first index whose running mass passes coin · total. */
function pick(indices: number[], probs: Float64Array, coin: number, total: number): number {
  const r = coin * total;
  let cdf = 0;
  for (const i of indices) {
    cdf += probs[i];
    if (r < cdf) return i;
  }
  return indices[indices.length - 1];
}
