import { resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { resolveLoraOptions } from '@prefopt/lora';
import type { LoraSettings } from '@prefopt/recipes';
import { DEFAULT_REF_SYNC } from '@prefopt/trainer';
import { booleanFlag, numberFlag, stringFlag } from '../args/flagReaders';
import { kebabCase, type ParsedArgs } from '../args/parseArgs';
import { LORA_FLAG_ALIASES } from './loraFlags';

export type { LoraSettings };

/** The one spelling of `name` that was given (two different ones are a config error). */
function canonical(args: ParsedArgs, name: keyof typeof LORA_FLAG_ALIASES): ParsedArgs {
  const given = LORA_FLAG_ALIASES[name].filter((k) => args.flags[k] !== undefined);
  if (given.length > 1) {
    throw new PrefoptError(
      'config',
      `--${kebabCase(given[0])} and --${given[1]} name the same setting; give one.`,
    );
  }
  const flags: ParsedArgs['flags'] = {};
  if (given.length) flags[name] = args.flags[given[0]];
  return { ...args, flags };
}

/** Reads the LoRA (PEFT names too) and TR-DPO (TRL names too) flags; defaults as PEFT and TRL. */
export function readLoraSettings(args: ParsedArgs, cwd: string): LoraSettings {
  const read = <T>(name: keyof typeof LORA_FLAG_ALIASES, f: (a: ParsedArgs, k: string) => T) =>
    f(canonical(args, name), name);
  const rank = read('loraRank', (a, k) => numberFlag(a, k, undefined, { integer: true, min: 1 }));
  const alpha = read('loraAlpha', (a, k) => numberFlag(a, k, undefined, { min: Number.MIN_VALUE }));
  const dropout = read('loraDropout', (a, k) => numberFlag(a, k, undefined, { min: 0, max: 0.99 }));
  const targets = read('loraTargets', (a, k) => stringFlag(a, k));
  const adapterFlag = read('adapter', (a, k) => stringFlag(a, k));
  const adapter = adapterFlag === undefined ? undefined : resolve(cwd, adapterFlag);
  const anyLora = [rank, alpha, dropout, targets].some((v) => v !== undefined);
  if (adapter && anyLora) {
    throw new PrefoptError(
      'config',
      `--adapter ${adapterFlag} brings its own rank, alpha and targets (adapter_config.json); drop the --lora-* flags.`,
    );
  }
  const lora = anyLora ? resolveLoraOptions({ rank, alpha, dropout, targets }) : undefined;
  const syncAlpha = read('refSyncAlpha', (a, k) => numberFlag(a, k, undefined, { min: 0, max: 1 }));
  const syncSteps = read('refSyncSteps', (a, k) =>
    numberFlag(a, k, undefined, { integer: true, min: 1 }),
  );
  const syncOn = read('syncRefModel', (a, k) => booleanFlag(a, k));
  const sync =
    syncOn || syncAlpha !== undefined || syncSteps !== undefined
      ? {
          alpha: syncAlpha ?? DEFAULT_REF_SYNC.alpha,
          steps: syncSteps ?? DEFAULT_REF_SYNC.steps,
        }
      : undefined;
  if (sync && (lora || adapter)) {
    throw new PrefoptError(
      'config',
      'TR-DPO sync (--ref-sync-alpha/--ref-sync-steps) needs full fine-tuning; with LoRA the reference is the base with adapters off. Drop the --lora-* or the --ref-sync-* flags.',
    );
  }
  return { lora, adapter, sync };
}
