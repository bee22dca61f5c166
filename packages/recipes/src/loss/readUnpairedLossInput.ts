import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PrefoptError, type UnpairedObjective } from '@prefopt/core';

/** The JSON `prefopt loss --input` reads for an unpaired objective (kto, bco). */
export interface UnpairedLossInput {
  policy: number[];
  reference?: number[];
  lengths: number[];
  labels: boolean[];
  kl?: { policy: number[]; reference: number[] };
  /** A stateful objective's state before this batch (default: its initial state). */
  state?: Record<string, number>;
}

/** Reads and checks `--input FILE` for an unpaired objective; errors name the file and field. */
export function readUnpairedLossInput(
  file: string,
  cwd: string,
  objective: UnpairedObjective,
): UnpairedLossInput {
  const path = resolve(cwd, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new PrefoptError(
      'input',
      `--input ${file}: cannot read it as JSON (${(e as Error).message}).`,
    );
  }
  const fail = (msg: string): never => {
    throw new PrefoptError(
      'input',
      `--input ${file}: ${msg}; expected {"policy":[…],${objective.requiresReference ? '"reference":[…],' : ''}"labels":[true,false,…]${objective.requiresKl ? ',"kl":{"policy":[…],"reference":[…]}' : ''}} (lengths optional).`,
    );
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not a JSON object');
  const root = data as Record<string, unknown>;
  let n: number | undefined;
  const numbers = (v: unknown, field: string): number[] => {
    if (!Array.isArray(v) || v.length === 0)
      return fail(`'${field}' must be a non-empty array of numbers`);
    const bad = v.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
    if (bad >= 0) fail(`'${field}[${bad}]' is ${JSON.stringify(v[bad])}, not a finite number`);
    n ??= v.length;
    if (v.length !== n) fail(`'${field}' has ${v.length} entries but policy has ${n}`);
    return v as number[];
  };
  const policy = numbers(root.policy, 'policy');
  const labels = root.labels;
  if (
    !Array.isArray(labels) ||
    labels.length !== n ||
    !labels.every((l) => typeof l === 'boolean')
  ) {
    fail(`'labels' must be ${n} booleans (true: desirable)`);
  }
  if (objective.requiresReference && root.reference === undefined)
    fail(`missing field 'reference'`);
  const klv = root.kl as Record<string, unknown> | undefined;
  if (objective.requiresKl && (typeof klv !== 'object' || klv === null)) fail(`missing field 'kl'`);
  const state = root.state as Record<string, number> | undefined;
  if (
    state !== undefined &&
    (typeof state !== 'object' || Object.values(state).some((x) => typeof x !== 'number'))
  ) {
    fail(
      `'state' must be an object of numbers (${Object.keys(objective.state?.initial ?? {}).join(', ')})`,
    );
  }
  return {
    policy,
    labels: labels as boolean[],
    lengths: root.lengths === undefined ? policy.map(() => 1) : numbers(root.lengths, 'lengths'),
    ...(root.reference === undefined ? {} : { reference: numbers(root.reference, 'reference') }),
    ...(klv
      ? {
          kl: {
            policy: numbers(klv.policy, 'kl.policy'),
            reference: numbers(klv.reference, 'kl.reference'),
          },
        }
      : {}),
    ...(state ? { state } : {}),
  };
}
