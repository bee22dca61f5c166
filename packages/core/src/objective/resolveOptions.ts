import { PrefoptError } from '../errors/PrefoptError';
import type { OptionValue } from './Objective';
import { describeRange, type OptionSpec, type OptionSpecs } from './OptionSpec';

/**
 * Fills defaults and checks every given option against its spec. Throws
 * `PrefoptError('config')` naming the objective, the option and its allowed range.
 */
export function resolveOptions(
  objectiveName: string,
  specs: OptionSpecs,
  given: Readonly<Record<string, unknown>> = {},
): Record<string, OptionValue | undefined> {
  for (const key of Object.keys(given)) {
    if (!(key in specs)) {
      const known = Object.keys(specs);
      throw new PrefoptError(
        'config',
        `${objectiveName}: unknown option '${key}'. ` +
          (known.length ? `Its options are: ${known.join(', ')}.` : 'It takes no options.'),
      );
    }
  }
  const out: Record<string, OptionValue | undefined> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const value = given[key];
    out[key] = value === undefined ? spec.default : checkValue(objectiveName, key, spec, value);
  }
  return out;
}

function checkValue(objective: string, key: string, spec: OptionSpec, value: unknown): OptionValue {
  const fail = (): never => {
    throw new PrefoptError(
      'config',
      `${objective}: option '${key}' must be ${describeRange(spec)}, got ${JSON.stringify(value)}.`,
    );
  };
  if (spec.type === 'boolean') return typeof value === 'boolean' ? value : fail();
  if (spec.type === 'enum') {
    return typeof value === 'string' && spec.values.includes(value) ? value : fail();
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail();
  if (spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min)) fail();
  if (spec.max !== undefined && (spec.exclusiveMax ? value >= spec.max : value > spec.max)) fail();
  return value;
}
