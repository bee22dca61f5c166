import { PrefoptError, type OptionSpecs, type OptionValue } from '@prefopt/core';
import { nearestName } from '@prefopt/core';
import { kebabCase, type ParsedArgs } from '../args/parseArgs';

/** What this needs of a factory: its name and declared options. */
export interface OptionsOwner {
  readonly objectiveName: string;
  readonly options: OptionSpecs;
}

/**
 * An objective's options from, in rising precedence: a config object (e.g. a `--config`
 * file's values), `--params JSON` (an object), and one flag per option
 * (`--beta 2 --gamma-beta-ratio 0.5 --length-normalize false`). Flag strings are converted
 * by the option's spec; the factory itself then checks ranges, unknown keys and
 * cross-option rules. With `ownFlags`, any other flag that is not an option of this
 * objective is rejected, naming the objective's options. Flag values become numbers /
 * booleans by the option's type; JSON values pass as they are.
 */
export function objectiveOptionsFromFlags(
  factory: OptionsOwner,
  args: ParsedArgs,
  config: Readonly<Record<string, unknown>> = {},
  ownFlags?: ReadonlySet<string>,
): Record<string, OptionValue> {
  const name = factory.objectiveName;
  const out: Record<string, unknown> = { ...config };
  const params = args.flags.params;
  if (params !== undefined) {
    let parsed: unknown;
    try {
      if (params === true) throw new Error('it needs a value');
      parsed = JSON.parse(params);
    } catch (e) {
      throw new PrefoptError(
        'config',
        `--params is not valid JSON (${(e as Error).message}); e.g. --params '{"beta":0.1}'.`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new PrefoptError(
        'config',
        `--params must be a JSON object of ${name}'s options, e.g. '{"beta":0.1}'; got ${params}.`,
      );
    }
    Object.assign(out, parsed);
  }
  for (const [key, raw] of Object.entries(args.flags)) {
    const spec = factory.options[key];
    if (!spec) {
      if (ownFlags && !ownFlags.has(key)) {
        const known = Object.keys(factory.options).map((k) => `--${kebabCase(k)}`);
        const near = nearestName(key, [...ownFlags, ...Object.keys(factory.options)]);
        const hint = near ? ` Did you mean --${kebabCase(near)}?` : '';
        throw new PrefoptError(
          'config',
          `unknown flag --${kebabCase(key)}.${hint} ${name}'s options are: ${known.length ? known.join(', ') : '(none)'}.`,
        );
      }
      continue;
    }
    out[key] = flagValue(name, key, spec.type, raw);
  }
  // Values from JSON are not checked here: the factory checks each against its spec.
  return out as Record<string, OptionValue>;
}

function flagValue(
  objective: string,
  key: string,
  type: 'number' | 'boolean' | 'enum',
  raw: string | true,
): OptionValue {
  const flag = `--${kebabCase(key)}`;
  if (type === 'boolean') {
    if (raw === true || raw === 'true') return true;
    if (raw === 'false') return false;
    throw new PrefoptError('config', `${flag} (${objective}) must be true or false, got '${raw}'.`);
  }
  if (raw === true) throw new PrefoptError('config', `${flag} (${objective}) needs a value.`);
  if (type === 'enum') return raw;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) {
    throw new PrefoptError('config', `${flag} (${objective}) must be a number, got '${raw}'.`);
  }
  return n;
}
