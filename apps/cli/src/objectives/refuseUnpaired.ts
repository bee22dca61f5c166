import {
  isUnpairedFactory,
  PrefoptError,
  type AnyObjectiveFactory,
  type ObjectiveFactory,
} from '@prefopt/core';

/** For paired-only paths (combinations, ablations): a config error for an unpaired factory. */
export function refuseUnpaired(factory: AnyObjectiveFactory, name: string): ObjectiveFactory {
  if (isUnpairedFactory(factory)) {
    throw new PrefoptError(
      'config',
      `objective '${name}' trains on unpaired data (prompt, completion, label): prefopt train and prefopt loss run it on its own; it cannot be combined with paired objectives or ablated here.`,
    );
  }
  return factory;
}
