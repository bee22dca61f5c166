import { PrefoptError } from '@prefopt/core';

type Rows = number[][];
/** `tokens` of a `prefopt loss` input: per-token values [B][T] of chosen and rejected. */
export interface LossTokens {
  policy: { chosen: Rows; rejected: Rows };
  reference?: { chosen: Rows; rejected: Rows };
  completionMask: { chosen: Rows; rejected: Rows };
  /** Default: 1 from the first column up to each row's last completion token (prompt + completion). */
  sequenceMask: { chosen: Rows; rejected: Rows };
  logSquaredMass?: { chosen: Rows; rejected: Rows };
}

/**
 * Reads the optional `tokens` object of a `prefopt loss` input (objective contract v2):
 * `{policy, reference?, completionMask, sequenceMask?, logSquaredMass?}`, each
 * `{chosen: [[…]], rejected: [[…]]}` of B rows of T finite numbers. Errors name the field.
 */
export function readLossTokens(value: unknown, fail: (msg: string) => never): LossTokens {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`'tokens' must be an object {policy, completionMask, …}`);
  }
  const v = value as Record<string, unknown>;
  let shape: [number, number] | undefined;
  const pair = (field: string) => {
    const p = v[field];
    if (typeof p !== 'object' || p === null || Array.isArray(p))
      return fail(`missing field 'tokens.${field}'`);
    const out = { chosen: [] as Rows, rejected: [] as Rows };
    for (const side of ['chosen', 'rejected'] as const) {
      const rows = (p as Record<string, unknown>)[side];
      if (!Array.isArray(rows) || rows.length === 0 || !rows.every(Array.isArray)) {
        fail(`'tokens.${field}.${side}' must be a non-empty array of rows of numbers`);
      }
      const r = rows as unknown[][];
      shape ??= [r.length, r[0].length];
      r.forEach((row, i) => {
        if (row.length !== shape![1] || r.length !== shape![0]) {
          fail(
            `'tokens.${field}.${side}' must be ${shape![0]} rows of ${shape![1]} numbers (row ${i} has ${row.length})`,
          );
        }
        const bad = row.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
        if (bad >= 0)
          fail(
            `'tokens.${field}.${side}[${i}][${bad}]' is ${JSON.stringify(row[bad])}, not a finite number`,
          );
      });
      out[side] = r as Rows;
    }
    return out;
  };
  const policy = pair('policy');
  const completionMask = pair('completionMask');
  const sequenceMask =
    v.sequenceMask === undefined ? untilLastCompletion(completionMask) : pair('sequenceMask');
  return {
    policy,
    completionMask,
    sequenceMask,
    ...(v.reference === undefined ? {} : { reference: pair('reference') }),
    ...(v.logSquaredMass === undefined ? {} : { logSquaredMass: pair('logSquaredMass') }),
  };
}

function untilLastCompletion(mask: { chosen: Rows; rejected: Rows }) {
  const side = (rows: Rows) =>
    rows.map((row) => {
      const last = row.reduce((l, m, j) => (m > 0 ? j : l), -1);
      return row.map((_, j) => (j <= last ? 1 : 0));
    });
  return { chosen: side(mask.chosen), rejected: side(mask.rejected) };
}

/** Σ_t tokens·mask per row, and Σ_t mask: the summed inputs the trainer derives from tokens. */
export function sumsFromTokens(t: LossTokens) {
  const sum = (rows: Rows, mask: Rows) =>
    rows.map((r, i) => r.reduce((s, x, j) => s + x * mask[i][j], 0));
  const count = (mask: Rows) => mask.map((r) => r.reduce((s, x) => s + x, 0));
  return {
    policy: {
      chosen: sum(t.policy.chosen, t.completionMask.chosen),
      rejected: sum(t.policy.rejected, t.completionMask.rejected),
    },
    reference: t.reference
      ? {
          chosen: sum(t.reference.chosen, t.completionMask.chosen),
          rejected: sum(t.reference.rejected, t.completionMask.rejected),
        }
      : undefined,
    lengths: { chosen: count(t.completionMask.chosen), rejected: count(t.completionMask.rejected) },
  };
}

export const noTokens = (name: string): never => {
  throw new PrefoptError(
    'input',
    `objective '${name}' needs per-token inputs: add "tokens": {"policy":{"chosen":[[…]],"rejected":[[…]]},"completionMask":{…}, …} to --input (see prefopt loss --help).`,
  );
};
