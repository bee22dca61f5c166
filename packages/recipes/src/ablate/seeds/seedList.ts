import { PrefoptError } from '@prefopt/core';

/** The seeds of a `--seeds N` run: first, first + 1, …, first + N − 1. */
export function seedList(first: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new PrefoptError('config', `--seeds must be an integer >= 1, got ${count}.`);
  }
  return Array.from({ length: count }, (_, k) => first + k);
}
