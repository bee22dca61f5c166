import { PrefoptError, type OptionValue } from '@prefopt/core';
import type { RunPlan } from './RunPlan';
import { checkTrainerValue, isTrainerAxis, type TrainerOverrides } from './trainerAxes';
import { RUN_AXES } from './runAxes';

/**
 * Expands `{"objective":["simpo","dpo"],"gamma":[0,1]}` into runs: the Cartesian product in
 * key order. Keys of the trainer (`lr`, `steps`, `batchSize`, `warmupRatio`, `seed`) sweep
 * every run's training. An option an objective does not declare is left out of that objective's runs
 * (DPO has no γ), and runs that become identical are kept once. A key no objective in the
 * grid declares is a config error: it is almost always a typo. RUN_AXES keys (LoRA, TR-DPO)
 * apply to every objective and go to `settings`.
 *
 * `declaredOptions(name)` lists an objective's option names, or undefined when the name is
 * not an available objective; `available` names them for the error message.
 */
export function expandGrid(
  grid: unknown,
  declaredOptions: (objective: string) => readonly string[] | undefined,
  available: readonly string[],
): RunPlan[] {
  if (typeof grid !== 'object' || grid === null || Array.isArray(grid)) {
    throw new PrefoptError(
      'config',
      `--grid must be a JSON object like {"objective":["simpo"],"gamma":[0,1]}, got ${JSON.stringify(grid)}.`,
    );
  }
  const axes = Object.entries(grid as Record<string, unknown>).map(
    ([key, v]) => [key, Array.isArray(v) ? v : [v]] as const,
  );
  const objectives = axes.find(([k]) => k === 'objective')?.[1];
  if (!objectives || objectives.length === 0) {
    throw new PrefoptError(
      'config',
      `--grid needs an "objective" list, e.g. {"objective":["simpo","dpo"]}. Available: ${available.join(', ')}.`,
    );
  }
  for (const o of objectives) {
    if (typeof o !== 'string' || !declaredOptions(o)) {
      throw new PrefoptError(
        'config',
        `--grid: unknown objective ${JSON.stringify(o)}. Available: ${available.join(', ')}.`,
      );
    }
  }
  for (const [key, values] of axes) {
    if (key === 'objective') continue;
    if (values.length === 0) throw new PrefoptError('config', `--grid: "${key}" has no values.`);
    if (isTrainerAxis(key)) {
      values.forEach((v) => checkTrainerValue(key, v));
      continue;
    }
    for (const v of values) {
      if (!['number', 'boolean', 'string'].includes(typeof v)) {
        throw new PrefoptError(
          'config',
          `--grid: "${key}" values must be numbers, booleans or strings, got ${JSON.stringify(v)}.`,
        );
      }
    }
    if (
      !RUN_AXES.has(key) &&
      !objectives.some((o) => declaredOptions(o as string)!.includes(key))
    ) {
      throw new PrefoptError(
        'config',
        `--grid: no objective in ${JSON.stringify(objectives)} has an option "${key}" (options are camelCase, e.g. "lengthNormalize"; trainer axes: lr, steps, batchSize, warmupRatio, seed).`,
      );
    }
  }
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of axes)
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  const varying = new Set(
    axes.filter(([k, v]) => k !== 'objective' && v.length > 1).map(([k]) => k),
  );
  const seen = new Set<string>();
  const runs: RunPlan[] = [];
  for (const combo of combos) {
    const objective = combo.objective as string;
    const declared = declaredOptions(objective)!;
    const options: Record<string, OptionValue> = {};
    const training: TrainerOverrides = {};
    const settings: Record<string, OptionValue> = {};
    for (const [k, v] of Object.entries(combo)) {
      if (isTrainerAxis(k)) training[k] = v as number;
      else if (RUN_AXES.has(k)) settings[k] = v as OptionValue;
      else if (k !== 'objective' && declared.includes(k)) options[k] = v as OptionValue;
    }
    const key = JSON.stringify([objective, options, training, settings]);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = Object.entries({ ...options, ...training, ...settings })
      .filter(([k]) => varying.has(k))
      .map(([k, v]) => `${k}=${v}`);
    const plan: RunPlan = { name: runName(objective, label), objective, options, training };
    if (Object.keys(settings).length) plan.settings = settings;
    runs.push(plan);
  }
  return runs;
}

/** `simpo`, `simpo_gamma=0_lengthNormalize=false`: safe as a folder name on every OS. */
function runName(objective: string, label: string[]): string {
  return [objective, ...label].join('_').replace(/[^A-Za-z0-9_.=-]/g, '-');
}
