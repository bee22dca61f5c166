import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CausalLM } from '@prefopt/core';
import { applyLora, LoraModel, writePeftAdapter } from '@prefopt/lora';
import {
  copyTokenizerFiles,
  loadModel,
  saveModel,
  type HfWriteOptions,
  type LlamaModel,
} from '@prefopt/model';
import type { LoraSettings } from './LoraSettings';

/**
 * The model `prefopt train` optimises: the base itself (full fine-tuning), or the base with
 * LoRA adapters — fresh, from `--adapter`, or, on resume, the adapter of the checkpoint.
 * `base` is owned by the result.
 */
export function trainPolicy(
  base: LlamaModel,
  settings: LoraSettings,
  resumeDir: string | undefined,
  seed: number,
): LlamaModel | LoraModel {
  if (!settings.lora && !settings.adapter) return base;
  try {
    if (resumeDir) return applyLora(base, { adapterDir: resumeDir });
    if (settings.adapter) return applyLora(base, { adapterDir: settings.adapter });
    return applyLora(base, { options: settings.lora!, seed });
  } catch (e) {
    base.dispose();
    throw e;
  }
}

/**
 * What a checkpoint holds of the policy: the whole model (HF layout), or for LoRA only the
 * adapter in PEFT's format (adapter_config.json + adapter_model.safetensors, which
 * `PeftModel.from_pretrained(base, dir)` loads), with the tokenizer files beside it when
 * `options.tokenizer` is given. A TR-DPO reference goes to `reference/`.
 */
export async function savePolicy(
  policy: CausalLM,
  dir: string,
  baseModel: string | null,
  syncedReference: LlamaModel | undefined,
  options: HfWriteOptions = {},
): Promise<void> {
  if (policy instanceof LoraModel) {
    await writePeftAdapter(dir, policy.adapters, baseModel);
    if (options.tokenizer) copyTokenizerFiles(options.tokenizer, dir);
  } else await saveModel(policy as LlamaModel, dir, options);
  if (syncedReference) await saveModel(syncedReference, join(dir, 'reference'));
}

/** A TR-DPO reference saved by `savePolicy` in checkpoint `dir`, if there is one. */
export function savedSyncedReference(dir: string | undefined): (() => LlamaModel) | undefined {
  const path = dir && join(dir, 'reference');
  return path && existsSync(join(path, 'config.json')) ? () => loadModel(path) : undefined;
}
