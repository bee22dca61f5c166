import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PrefoptError } from '@prefopt/core';
import { camelCase, type ParsedArgs } from '../args/parseArgs';
import { applyTrlNames } from './trlNames';

/**
 * Keys of a TRL DPOConfig / CPOConfig (Hugging Face TrainingArguments) that change nothing
 * prefopt computes (precision, hub, logging cadence, data-loader workers, …): dropped from a
 * `--config` file with a note instead of failing as unknown flags.
 */
const IGNORED_TRL_KEYS = new Set(
  [
    'bf16',
    'fp16',
    'tf32',
    'gradient_checkpointing',
    'gradient_checkpointing_kwargs',
    'logging_steps',
    'logging_first_step',
    'logging_strategy',
    'save_strategy',
    'eval_strategy',
    'evaluation_strategy',
    'push_to_hub',
    'hub_model_id',
    'hub_strategy',
    'hub_private_repo',
    'run_name',
    'remove_unused_columns',
    'dataloader_num_workers',
    'dataloader_pin_memory',
    'dataset_num_proc',
    'per_device_eval_batch_size',
    'do_train',
    'do_eval',
    'save_only_model',
    'disable_tqdm',
    'ddp_find_unused_parameters',
    'use_logits_to_keep',
    'generate_during_eval',
    'model_init_kwargs',
    'ref_model_init_kwargs',
  ].map((k) => camelCase(k.replace(/_/g, '-'))),
);

/**
 * `--config FILE`: a JSON or YAML object whose keys are flag names (`"max-steps"`,
 * `"maxSteps"`, or TRL's `max_steps` / `learning_rate` / `loss_type` — a TRL DPOConfig or
 * CPOConfig file works) and whose values are what the flag would take (`40`, `"simpo"`,
 * `false`; a list such as `report_to: [tensorboard]` is joined with commas). Flags given on
 * the command line override the file; `base` (a resumed checkpoint's settings) comes last.
 * `note` receives one line per TRL difference or ignored key.
 */
export function mergeConfigFile(
  args: ParsedArgs,
  cwd: string,
  base: Record<string, string> = {},
  note: (text: string) => void = () => {},
): ParsedArgs {
  const file = args.flags.config;
  if (file === true) throw new PrefoptError('config', '--config needs a JSON or YAML file.');
  const fromFile: Record<string, string> = {};
  if (file !== undefined) {
    const parsed = readConfig(resolve(cwd, file), file);
    const ignored: string[] = [];
    for (const [rawKey, value] of Object.entries(parsed)) {
      const key = camelCase(rawKey.replace(/_/g, '-'));
      if (value === null || IGNORED_TRL_KEYS.has(key)) {
        ignored.push(rawKey);
        continue;
      }
      const scalar = Array.isArray(value) && value.every(isScalar) ? value.join(',') : value;
      if (!isScalar(scalar)) {
        throw new PrefoptError(
          'config',
          `--config ${file}: "${rawKey}" must be a string, number or boolean, got ${JSON.stringify(value)}.`,
        );
      }
      fromFile[key] = String(scalar);
    }
    if (ignored.length)
      note(`note: --config ${file}: ignored (no effect in prefopt): ${ignored.join(', ')}.`);
  }
  const { config: _config, ...given } = args.flags;
  const fileNames = applyTrlNames(fromFile);
  const givenNames = applyTrlNames(given);
  for (const n of new Set([...fileNames.notes, ...givenNames.notes])) note(n);
  return { ...args, flags: { ...base, ...fileNames.flags, ...givenNames.flags } };
}

function isScalar(v: unknown): v is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof v);
}

function readConfig(path: string, file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    parsed = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new PrefoptError(
      'config',
      `--config ${file}: ${(e as Error).message.split('\n')[0]}. It must be a JSON or YAML object of flag names and values.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PrefoptError(
      'config',
      `--config ${file}: expected an object like {"objective": "simpo", "beta": 2}, got ${JSON.stringify(parsed)?.slice(0, 40)}.`,
    );
  }
  return parsed as Record<string, unknown>;
}
