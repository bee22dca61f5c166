import { PrefoptError } from '@prefopt/core';
import { describeValue } from './describeValue';

/** `record[key]` as a string, or a data error naming the field and what it holds. */
export function expectString(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') {
    throw new PrefoptError('data', `field "${key}" must be a string, got ${describeValue(value)}`);
  }
  return value;
}
