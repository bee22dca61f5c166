import { PrefoptError } from '@prefopt/core';
import { resolveModelConfig, type ModelConfigInput } from '@prefopt/model';
import { booleanFlag, jsonFlag, numberFlag, stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';
import { readLoraSettings } from '../lora/readLoraSettings';
import type { BenchOptions } from '@prefopt/recipes';

/** The reference shape: what `prefopt bench` measures without --model-config. */
export const REFERENCE_MODEL: ModelConfigInput = {
  dim: 256,
  hiddenDim: 688,
  layers: 4,
  heads: 4,
  kvHeads: 4,
  vocab: 512,
  seqLen: 128,
};

const MODEL_KEYS = ['dim', 'hiddenDim', 'layers', 'heads', 'kvHeads', 'vocab', 'seqLen'] as const;

/**
 * Reads and checks `prefopt bench`'s own flags; every mistake is a config error naming the
 * flag. (--backend/--threads are activateBackend's, --objective/--params/option flags
 * resolveObjective's.)
 */
export function readBenchOptions(
  args: ParsedArgs,
): BenchOptions & { json: boolean; trainer: boolean } {
  const raw = jsonFlag(args, 'modelConfig') ?? REFERENCE_MODEL;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PrefoptError(
      'config',
      `--model-config must be a JSON object like ${JSON.stringify(REFERENCE_MODEL)}.`,
    );
  }
  const missing = MODEL_KEYS.filter((k) => !(k in raw));
  if (missing.length) {
    throw new PrefoptError(
      'config',
      `--model-config lacks ${missing.join(', ')}; give all of ${MODEL_KEYS.join(', ')} (llama2.c names).`,
    );
  }
  const modelConfig = raw as ModelConfigInput;
  resolveModelConfig(modelConfig); // throws a config error naming the bad field
  const seq = numberFlag(args, 'seq', modelConfig.seqLen, { integer: true, min: 2 })!;
  if (seq > modelConfig.seqLen) {
    throw new PrefoptError(
      'config',
      `--seq ${seq} is longer than the model's seqLen ${modelConfig.seqLen}; lower --seq or raise seqLen in --model-config.`,
    );
  }
  const promptShare = numberFlag(args, 'prompt-share', 0.5, { min: 0 })!;
  const promptLen = Math.floor(seq * promptShare);
  if (promptLen < 1 || promptLen >= seq) {
    throw new PrefoptError(
      'config',
      `--prompt-share ${promptShare} gives a ${promptLen}-token prompt in a ${seq}-token row; give a fraction that leaves at least one prompt and one completion token (default 0.5).`,
    );
  }
  const { lora } = readLoraSettings(args, process.cwd());
  return {
    modelConfig,
    lora,
    batch: numberFlag(args, 'batch', 4, { integer: true, min: 1 })!,
    seq,
    promptShare,
    objective: stringFlag(args, 'objective', 'simpo')!,
    steps: numberFlag(args, 'steps', 5, { integer: true, min: 1 })!,
    warmup: numberFlag(args, 'warmup', 2, { integer: true, min: 0 })!,
    threads: numberFlag(args, 'threads', undefined, { integer: true, min: 1, max: 256 }),
    seed: numberFlag(args, 'seed', 1, { integer: true, min: 1 })!,
    lr: numberFlag(args, 'lr', 1e-4, { min: 0 })!,
    json: booleanFlag(args, 'json'),
    trainer: booleanFlag(args, 'trainer') || lora !== undefined, // LoRA is timed in the Trainer loop
  };
}
