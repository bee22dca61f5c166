import { PrefoptError } from '@prefopt/core';

/** Parsed command line: positionals plus `--name value` flags (camelCased keys). */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
  /** Flags that may repeat (`--plugin a --plugin b`), in order. */
  repeated: Record<string, string[]>;
}

const REPEATABLE = new Set(['plugin', 'allowChanged', 'override']);

/**
 * A small, schema-free parser: objective options arrive as flags whose names only the
 * objective knows (`--beta 2 --gamma-beta-ratio 0.5`), so flags are parsed first and
 * checked by the command that reads them. `--x=1` and `--x 1` are equal; a flag with no
 * value (next token is a flag, or none) is `true`; `--` ends flags.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: {}, repeated: {} };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('--') || token === '--') {
      out.positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const rawName = eq >= 0 ? token.slice(2, eq) : token.slice(2);
    if (!rawName) throw new PrefoptError('config', `'${token}' is not a flag name.`);
    const key = camelCase(rawName);
    let value: string | true;
    if (eq >= 0) value = token.slice(eq + 1);
    else if (i + 1 < argv.length && !isFlag(argv[i + 1])) value = argv[++i];
    else value = true;
    if (REPEATABLE.has(key)) {
      if (value === true) throw new PrefoptError('config', `--${rawName} needs a value.`);
      (out.repeated[key] ??= []).push(value);
    } else {
      out.flags[key] = value;
    }
  }
  return out;
}

function isFlag(token: string): boolean {
  // Negative numbers (`--gamma -0.5`) are values, not flags.
  return token.startsWith('--') && !/^--?\d/.test(token);
}

export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
