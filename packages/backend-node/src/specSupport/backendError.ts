import { PrefoptError } from '@prefopt/core';
import { expect } from 'vitest';

/** Spec support (not exported): awaits a rejection and checks it is a 'backend' PrefoptError. */
export async function backendError(promise: Promise<unknown>): Promise<PrefoptError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(PrefoptError.is(e, 'backend')).toBe(true);
  return e as PrefoptError;
}
