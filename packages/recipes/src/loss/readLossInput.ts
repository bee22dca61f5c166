import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { readLossTokens, sumsFromTokens, type LossTokens } from './readLossTokens';

/** The JSON `prefopt loss --input` reads: per-pair numbers, summed log-probs and lengths. */
export interface LossInput {
  policy: { chosen: number[]; rejected: number[] };
  reference?: { chosen: number[]; rejected: number[] };
  lengths: { chosen: number[]; rejected: number[] };
  /** Per-token inputs (objective contract v2); policy/reference/lengths default to their sums. */
  tokens?: LossTokens;
}

/**
 * Reads and checks `--input FILE`: every field present, arrays of finite numbers of one
 * length. Each failure is an `input` error naming the file and the field.
 */
export function readLossInput(file: string, cwd: string, needsReference: boolean): LossInput {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PrefoptError(
      'input',
      `--input ${file}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PrefoptError('input', `--input ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const fail = (msg: string): never => {
    throw new PrefoptError(
      'input',
      `--input ${file}: ${msg}; expected {"policy":{"chosen":[…],"rejected":[…]},${needsReference ? '"reference":{…},' : ''}"lengths":{"chosen":[…],"rejected":[…]}}.`,
    );
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not a JSON object');
  const root = data as Record<string, unknown>;
  let batch: number | undefined;
  const pair = (field: string) => {
    const v = root[field];
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return fail(`missing field '${field}'`);
    const out = { chosen: [] as number[], rejected: [] as number[] };
    for (const side of ['chosen', 'rejected'] as const) {
      const arr = (v as Record<string, unknown>)[side];
      if (arr === undefined) fail(`missing field '${field}.${side}'`);
      if (!Array.isArray(arr) || arr.length === 0)
        fail(`'${field}.${side}' must be a non-empty array of numbers`);
      const bad = (arr as unknown[]).findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
      if (bad >= 0)
        fail(
          `'${field}.${side}[${bad}]' is ${JSON.stringify((arr as unknown[])[bad])}, not a finite number`,
        );
      batch ??= (arr as number[]).length;
      if ((arr as number[]).length !== batch) {
        fail(
          `'${field}.${side}' has ${(arr as number[]).length} entries but policy.chosen has ${batch}`,
        );
      }
      out[side] = arr as number[];
    }
    return out;
  };
  const tokens = root.tokens === undefined ? undefined : readLossTokens(root.tokens, fail);
  const derived = tokens ? sumsFromTokens(tokens) : undefined;
  if (derived) {
    root.policy ??= derived.policy;
    root.lengths ??= derived.lengths;
    if (derived.reference) root.reference ??= derived.reference;
  }
  const policy = pair('policy');
  const lengths = pair('lengths');
  if (needsReference && root.reference === undefined) {
    fail(`missing field 'reference' (the objective requires reference log-probs)`);
  }
  const reference = root.reference === undefined ? undefined : pair('reference');
  return { policy, lengths, reference, ...(tokens ? { tokens } : {}) };
}
