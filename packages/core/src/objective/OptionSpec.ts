import type { OptionValue } from './Objective';

/** Declares one option of an objective: its type, default and allowed range. */
export type OptionSpec = NumberOptionSpec | BooleanOptionSpec | EnumOptionSpec;

export interface NumberOptionSpec {
  type: 'number';
  /** `undefined`: the option is unset unless given (e.g. SimPO's two forms of γ). */
  default: number | undefined;
  min?: number;
  max?: number;
  /** True: `min` itself is not allowed (`beta > 0`). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  description: string;
}

export interface BooleanOptionSpec {
  type: 'boolean';
  default: boolean;
  description: string;
}

export interface EnumOptionSpec {
  type: 'enum';
  values: readonly string[];
  default: string;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The value type each spec resolves to. */
export type OptionValues<S extends OptionSpecs> = {
  [K in keyof S]: S[K] extends NumberOptionSpec
    ? S[K]['default'] extends number
      ? number
      : number | undefined
    : S[K] extends BooleanOptionSpec
      ? boolean
      : S[K] extends EnumOptionSpec
        ? S[K]['values'][number]
        : OptionValue;
};

/** Human-readable allowed range, used in error messages and `prefopt objectives`. */
export function describeRange(spec: OptionSpec): string {
  if (spec.type === 'boolean') return 'true or false';
  if (spec.type === 'enum') return spec.values.map((v) => `'${v}'`).join(' | ');
  const lo = spec.min === undefined ? undefined : `${spec.exclusiveMin ? '>' : '>='} ${spec.min}`;
  const hi = spec.max === undefined ? undefined : `${spec.exclusiveMax ? '<' : '<='} ${spec.max}`;
  if (lo && hi) return `a number ${lo} and ${hi}`;
  return `a number${lo ? ` ${lo}` : ''}${hi ? ` ${hi}` : ''}`.replace(
    'a number',
    'a finite number',
  );
}
