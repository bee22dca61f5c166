import { PrefoptError } from '@prefopt/core';
import { describeValue } from './describeValue';

/** `value` as a plain JSON object, or a data error saying a record must be one. */
export function expectObject(value: unknown, what = 'a record'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PrefoptError('data', `${what} must be a JSON object, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}
