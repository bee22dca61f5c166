import { PrefoptError } from '@prefopt/core';

/** Settings of the training run itself that a grid may sweep besides objective options. */
export interface TrainerOverrides {
  lr?: number;
  steps?: number;
  batchSize?: number;
  warmupRatio?: number;
  seed?: number;
}

/** Grid keys that sweep the trainer, with the range each value must be in. */
export const TRAINER_AXES: Readonly<
  Record<
    keyof TrainerOverrides,
    { min: number; max?: number; integer: boolean; minExclusive?: boolean }
  >
> = {
  lr: { min: 0, minExclusive: true, integer: false },
  steps: { min: 1, integer: true },
  batchSize: { min: 1, integer: true },
  warmupRatio: { min: 0, max: 1, integer: false },
  seed: { min: 0, integer: true },
};

export function isTrainerAxis(key: string): key is keyof TrainerOverrides {
  return Object.hasOwn(TRAINER_AXES, key);
}

/** Checks one grid value of a trainer axis; a config error names the key and its range. */
export function checkTrainerValue(key: keyof TrainerOverrides, value: unknown): number {
  const r = TRAINER_AXES[key];
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (r.minExclusive ? value > r.min : value >= r.min) &&
    (r.max === undefined || value <= r.max) &&
    (!r.integer || Number.isInteger(value));
  if (!ok) {
    const range = `${r.integer ? 'an integer' : 'a number'} ${r.minExclusive ? '>' : '≥'} ${r.min}${r.max !== undefined ? ` and ≤ ${r.max}` : ''}`;
    throw new PrefoptError(
      'config',
      `--grid: "${key}" values must be ${range}, got ${JSON.stringify(value)}.`,
    );
  }
  return value as number;
}
