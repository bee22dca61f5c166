import { PrefoptError, type AnyObjectiveFactory, type Objective } from '@prefopt/core';
import type { Tensor } from '@tensorflow/tfjs-core';

const isTensor = (v: unknown): v is Tensor =>
  typeof v === 'object' && v !== null && Array.isArray((v as Tensor).shape);

/**
 * The objective with its `compute` outputs shape-checked: `loss` a scalar, and `losses`,
 * `chosenRewards`, `rejectedRewards` (when given) of shape [B], B = the batch's pairs. A
 * wrong shape is one `plugin` error naming the objective and where it came from, instead
 * of a failure deep inside TensorFlow.js.
 */
export function checkedObjective(objective: Objective, source: string): Objective {
  const compute = (inputs: Parameters<Objective['compute']>[0]) => {
    const out = objective.compute(inputs);
    // B from the inputs; an input layout without per-pair policy log-probs skips the [B] checks
    const pairs = (inputs as { policy?: { chosen?: Tensor } }).policy?.chosen?.shape?.[0];
    const fail = (field: string, got: unknown, expected: string): never => {
      throw new PrefoptError(
        'plugin',
        `objective '${objective.name}' (from ${source}) returned ${field} ${got}, expected ${expected}. Fix the objective's compute().`,
      );
    };
    if (typeof out !== 'object' || out === null) fail('', JSON.stringify(out), 'an object');
    if (!isTensor(out.loss) || out.loss.rank !== 0)
      fail(
        'loss',
        isTensor(out.loss) ? `of shape [${out.loss.shape.join(', ')}]` : String(out.loss),
        'a scalar tensor',
      );
    for (const field of ['losses', 'chosenRewards', 'rejectedRewards'] as const) {
      const t = out[field] as unknown;
      if (t === undefined || pairs === undefined) continue;
      if (!isTensor(t) || t.shape.length !== 1 || t.shape[0] !== pairs)
        fail(
          field,
          isTensor(t) ? `of shape [${t.shape.join(', ')}]` : String(t),
          `shape [${pairs}] (one value per pair)`,
        );
    }
    return out;
  };
  const own = Object.getOwnPropertyDescriptors(objective);
  own.compute = { value: compute, enumerable: true, writable: false, configurable: false };
  const copy = Object.create(Object.getPrototypeOf(objective) as object, own) as Objective;
  return Object.freeze(copy);
}

/** The factory, making checked objectives (its name, options and metadata unchanged). */
export function checkedFactory<F extends AnyObjectiveFactory>(factory: F, source: string): F {
  return new Proxy(factory, {
    apply: (target, self, args: unknown[]) =>
      checkedObjective(Reflect.apply(target, self, args) as Objective, source),
  });
}
