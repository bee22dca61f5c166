import { PrefoptError } from '@prefopt/core';

export interface ObjectiveTerm {
  name: string;
  weight: number;
}

/**
 * `--objective` text → weighted terms. `simpo` is one term of weight 1; `dpo+0.05*sft`
 * (or `dpo*1+sft*0.05`) is a weighted sum, built with `combine`.
 */
export function parseObjectiveSpec(spec: string): ObjectiveTerm[] {
  const terms = spec.split('+').map((t) => t.trim());
  return terms.map((term) => {
    const parts = term.split('*').map((p) => p.trim());
    const names = parts.filter((p) => /^[a-z][a-z0-9-]*$/.test(p));
    const numbers = parts.filter((p) => !/^[a-z][a-z0-9-]*$/.test(p));
    const weight = numbers.length === 1 ? Number(numbers[0]) : 1;
    if (names.length !== 1 || numbers.length > 1 || !Number.isFinite(weight) || weight < 0) {
      throw new PrefoptError(
        'config',
        `--objective '${spec}': cannot read '${term}'. Write a name (simpo) or a weighted sum of names (dpo+0.05*sft), weights >= 0.`,
      );
    }
    return { name: names[0], weight };
  });
}
