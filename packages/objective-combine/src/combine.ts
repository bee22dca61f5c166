/**
 * combine — a weighted sum of objectives that is itself an Objective, like TRL's
 * `loss_type=[...]` with `loss_weights=[...]` (e.g. DPO + SFT as in RPO, Pang et al. 2024,
 * "Iterative Reasoning Preference Optimization": L = L_DPO + α·L_NLL):
 *   loss = Σ_k w_k·loss_k,   losses = Σ_k w_k·losses_k
 * It requires a reference iff any part does. Rewards are the first part's (its implicit
 * reward is the one the pair is ranked by). Options read `<name>.weight`, `<name>.<option>`.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  PrefoptError,
  stopGradient,
  validateInputs,
  type Objective,
  type ObjectiveInputs,
  type ObjectiveOutput,
  type OptionSpecs,
  type OptionValue,
} from '@prefopt/core';

export interface CombinePart {
  objective: Objective;
  /** ≥ 0; parts with weight 0 are still computed (their inputs are still checked). */
  weight: number;
}

/**
 * `combine` with the metadata every objective factory carries (name, description, declared
 * options, data), so it can be listed and described like them. It takes its parts, not
 * options: each part's options are set on the part (`dpo({ beta: 0.1 })`), and
 * `requiresReference` is the combined objective's (true iff a part needs a reference).
 */
export interface CombineFactory {
  (parts: readonly CombinePart[]): Objective;
  readonly objectiveName: 'combine';
  readonly description: string;
  /** None of its own. */
  readonly options: OptionSpecs;
  readonly data: 'paired';
}

// A fresh arrow to freeze: freezing the hoisted `combineParts` itself would break the
// `name` tsx/esbuild (keepNames) defines on it after this line runs.
export const combine: CombineFactory = Object.freeze(
  Object.assign((parts: readonly CombinePart[]) => combineParts(parts), {
    objectiveName: 'combine' as const,
    description:
      'a weighted sum of objectives, Σ w_k·loss_k (TRL loss_type=[...] with loss_weights; RPO = DPO + α·NLL)',
    options: Object.freeze({}),
    data: 'paired' as const,
  }),
);

function combineParts(parts: readonly CombinePart[]): Objective {
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new PrefoptError('config', 'combine: give at least one { objective, weight } part.');
  }
  const options: Record<string, OptionValue> = {};
  const seen = new Map<string, number>();
  parts.forEach((part, i) => {
    const o = part?.objective;
    if (!o || typeof o.compute !== 'function' || typeof o.name !== 'string') {
      throw new PrefoptError(
        'config',
        `combine: part ${i} has no objective; pass { objective: dpo(), weight: 1 }.`,
      );
    }
    if (typeof part.weight !== 'number' || !Number.isFinite(part.weight) || part.weight < 0) {
      throw new PrefoptError(
        'config',
        `combine: weight of part ${i} (${o.name}) must be a finite number >= 0, got ${JSON.stringify(part.weight)}.`,
      );
    }
    const count = (seen.get(o.name) ?? 0) + 1;
    seen.set(o.name, count);
    const key = count === 1 ? o.name : `${o.name}#${count}`;
    options[`${key}.weight`] = part.weight;
    for (const [k, v] of Object.entries(o.options ?? {})) {
      if (v !== undefined && v !== null) options[`${key}.${k}`] = v as OptionValue;
    }
  });
  if (parts.every((p) => p.weight === 0)) {
    throw new PrefoptError(
      'config',
      'combine: every weight is 0; give at least one part a weight > 0.',
    );
  }
  const stateful = parts.find((p) => p.objective.state);
  if (stateful) {
    throw new PrefoptError(
      'config',
      `combine: part '${stateful.objective.name}' carries state across steps; train it on its own.`,
    );
  }
  // Opt-in inputs (contract v2): the union of what the parts declare.
  const tokenLogps = parts.some((p) => p.objective.needs?.tokenLogps);
  const tokenLogitStats = parts.some((p) => p.objective.needs?.tokenLogitStats);
  const frozenParts = parts.map((p) => ({ objective: p.objective, weight: p.weight }));
  const combined: Objective = {
    name: combine.objectiveName,
    requiresReference: parts.some((p) => p.objective.requiresReference),
    options: Object.freeze(options),
    ...(tokenLogps ? { needs: Object.freeze({ tokenLogps, tokenLogitStats }) } : {}),
    compute(inputs: ObjectiveInputs): ObjectiveOutput {
      validateInputs(combined, inputs);
      return tf.tidy(() => {
        const outs = frozenParts.map((p) => ({
          weight: p.weight,
          out: p.objective.compute(inputs),
        }));
        const loss = tf.addN(outs.map(({ weight, out }) => tf.mul(weight, out.loss))) as tf.Scalar; // []
        const losses = tf.addN(
          outs.map(({ weight, out }) => tf.mul(weight, out.losses)),
        ) as tf.Tensor1D; // [B]
        return {
          loss,
          losses,
          chosenRewards: stopGradient(outs[0].out.chosenRewards), // [B]
          rejectedRewards: stopGradient(outs[0].out.rejectedRewards), // [B]
        };
      });
    },
  };
  return Object.freeze(combined);
}
