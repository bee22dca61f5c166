import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { camelCase, type ParsedArgs } from '../args/parseArgs';

/**
 * `--config FILE`: a JSON object whose keys are flag names (`"max-steps"` or `"maxSteps"`)
 * and whose values are what the flag would take (`40`, `"simpo"`, `false`). Flags given on
 * the command line override the file; `base` (a resumed checkpoint's settings) comes last.
 */
export function mergeConfigFile(
  args: ParsedArgs,
  cwd: string,
  base: Record<string, string> = {},
): ParsedArgs {
  const file = args.flags.config;
  if (file === true) throw new PrefoptError('config', '--config needs a JSON file.');
  const fromFile: Record<string, string> = {};
  if (file !== undefined) {
    const path = resolve(cwd, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new PrefoptError(
        'config',
        `--config ${file}: ${(e as Error).message}. It must be a JSON object of flag names and values.`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new PrefoptError(
        'config',
        `--config ${file}: expected a JSON object like {"objective": "simpo", "beta": 2}, got ${JSON.stringify(parsed)?.slice(0, 40)}.`,
      );
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (!['string', 'number', 'boolean'].includes(typeof value)) {
        throw new PrefoptError(
          'config',
          `--config ${file}: "${key}" must be a string, number or boolean, got ${JSON.stringify(value)}.`,
        );
      }
      fromFile[camelCase(key)] = String(value);
    }
  }
  const { config: _config, ...given } = args.flags;
  return { ...args, flags: { ...base, ...fromFile, ...given } };
}
