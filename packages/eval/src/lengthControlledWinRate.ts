import { PrefoptError } from '@prefopt/core';

/** One judged prompt: the model's response against the baseline's. */
export interface Judgement {
  /** 1 the model wins, 0 the baseline wins, ½ a tie (any value in [0, 1] is a soft preference). */
  preference: number;
  /** Length of the model's response (tokens or characters: the unit cancels out). */
  modelLength: number;
  /** Length of the baseline's response, in the same unit. */
  baselineLength: number;
}

export interface LengthControlledFit {
  /** Mean preference: the plain win rate (ties count ½). */
  winRate: number;
  /** σ(θ): the GLM's prediction with the length term at zero (AlpacaEval 2's LC win rate). */
  lcWinRate: number;
  /** θ: the model's quality advantage in logits, length held equal. */
  theta: number;
  /** φ: how strongly a longer response wins, per unit of tanh(normalised length difference). */
  phi: number;
  /** Standard deviation of the length differences that normalises them (0: no length variation). */
  lengthScale: number;
}

/**
 * AlpacaEval 2's length-controlled win rate (Dubois et al. 2024, "Length-Controlled
 * AlpacaEval"), for one model against one baseline: a logistic regression of the judgement on
 *
 *   logit P(model wins) = θ + φ · tanh((len_m − len_b) / sd(len_m − len_b))
 *
 * fitted by maximum likelihood (soft labels: ties are ½), and LC win rate = σ(θ), the
 * prediction with the length difference at zero. AlpacaEval's instruction-difficulty term
 * (ψ·γ_x) needs judgements of many models on the same prompts, so it is left out here, as
 * for a single pair of models it only re-weights prompts. A tiny ridge (1e-6 per parameter)
 * keeps the fit finite when every judgement goes one way (then LC → the raw win rate, 0 or 1).
 * Where every length difference is equal the length term cannot be told from θ and is
 * dropped (φ = 0, lengthScale = 0): the LC win rate is then the raw win rate.
 */
export function lengthControlledWinRate(judgements: readonly Judgement[]): LengthControlledFit {
  if (judgements.length === 0) {
    throw new PrefoptError('input', 'lengthControlledWinRate: no judgements to fit.');
  }
  judgements.forEach((j, i) => {
    const ok =
      Number.isFinite(j.preference) &&
      j.preference >= 0 &&
      j.preference <= 1 &&
      Number.isFinite(j.modelLength) &&
      Number.isFinite(j.baselineLength);
    if (!ok) {
      throw new PrefoptError(
        'input',
        `lengthControlledWinRate: judgement ${i} needs a preference in [0, 1] and finite lengths, got ${JSON.stringify(j)}.`,
      );
    }
  });
  const n = judgements.length;
  const y = judgements.map((j) => j.preference);
  const winRate = y.reduce((a, b) => a + b, 0) / n;
  const diffs = judgements.map((j) => j.modelLength - j.baselineLength);
  const mean = diffs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / n);
  const x = sd > 0 ? diffs.map((d) => Math.tanh(d / sd)) : diffs.map(() => 0);
  const [theta, phi] = fitLogistic(x, y, sd > 0);
  return { winRate, lcWinRate: sigmoid(theta), theta, phi, lengthScale: sd };
}

const RIDGE = 1e-6;

/**
 * Newton's method on the ridge-penalised mean log-likelihood of y ~ Bernoulli(σ(θ + φx)):
 * concave, so it converges from zero in a handful of steps. Returns [θ, φ].
 */
function fitLogistic(
  x: readonly number[],
  y: readonly number[],
  withSlope: boolean,
): [number, number] {
  const n = x.length;
  let theta = 0;
  let phi = 0;
  for (let iter = 0; iter < 100; iter++) {
    // Gradient g and Hessian H of the penalised mean log-likelihood.
    let g0 = -RIDGE * theta;
    let g1 = -RIDGE * phi;
    let h00 = RIDGE;
    let h01 = 0;
    let h11 = RIDGE;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(theta + phi * x[i]);
      const r = (y[i] - p) / n;
      const w = (p * (1 - p)) / n;
      g0 += r;
      g1 += r * x[i];
      h00 += w;
      h01 += w * x[i];
      h11 += w * x[i] * x[i];
    }
    let d0: number;
    let d1: number;
    if (withSlope) {
      const det = h00 * h11 - h01 * h01;
      d0 = (h11 * g0 - h01 * g1) / det;
      d1 = (h00 * g1 - h01 * g0) / det;
    } else {
      d0 = g0 / h00;
      d1 = 0;
    }
    theta += d0;
    phi += d1;
    if (Math.abs(d0) + Math.abs(d1) < 1e-12) break;
  }
  return [theta, phi];
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
