import { PrefoptError } from '@prefopt/core';
import { kebabCase, type ParsedArgs } from './parseArgs';

/** Typed reads of flags, each failing with a config error that names the flag. */
export function stringFlag(args: ParsedArgs, key: string, fallback?: string): string | undefined {
  const v = args.flags[key];
  if (v === undefined) return fallback;
  if (v === true) throw new PrefoptError('config', `--${kebabCase(key)} needs a value.`);
  return v;
}

export function requireString(args: ParsedArgs, key: string, hint = ''): string {
  const v = stringFlag(args, key);
  if (v === undefined)
    throw new PrefoptError('config', `missing --${kebabCase(key)}${hint ? `: ${hint}` : '.'}`);
  return v;
}

export function numberFlag(
  args: ParsedArgs,
  key: string,
  fallback?: number,
  range: { min?: number; max?: number; integer?: boolean } = {},
): number | undefined {
  const raw = stringFlag(args, key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  const bad =
    raw.trim() === '' ||
    !Number.isFinite(n) ||
    (range.integer && !Number.isInteger(n)) ||
    (range.min !== undefined && n < range.min) ||
    (range.max !== undefined && n > range.max);
  if (bad) {
    const what = range.integer ? 'an integer' : 'a number';
    const lo = range.min !== undefined ? ` >= ${range.min}` : '';
    const hi = range.max !== undefined ? ` <= ${range.max}` : '';
    throw new PrefoptError(
      'config',
      `--${kebabCase(key)} must be ${what}${lo}${hi}, got '${raw}'.`,
    );
  }
  return n;
}

export function booleanFlag(args: ParsedArgs, key: string, fallback = false): boolean {
  const v = args.flags[key];
  if (v === undefined) return fallback;
  if (v === true || v === 'true') return true;
  if (v === 'false') return false;
  throw new PrefoptError('config', `--${kebabCase(key)} must be true or false, got '${v}'.`);
}

/** Parses a JSON flag value, naming the flag on a syntax error. */
export function jsonFlag(args: ParsedArgs, key: string): unknown {
  const raw = stringFlag(args, key);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new PrefoptError(
      'config',
      `--${kebabCase(key)} is not valid JSON: ${(e as Error).message}`,
    );
  }
}
