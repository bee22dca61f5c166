import type { LoraModel } from '@prefopt/lora';
import { createModel, loadModel, type LlamaModel, type ModelConfigInput } from '@prefopt/model';
import { NO_LORA } from '../lora/LoraSettings';
import { trainPolicy } from '../lora/trainPolicy';
import { buildPolicy } from '../train/buildPolicy';
import type { ResumedCheckpoint, TrainingSettings } from './TrainingSettings';

/** An open model (the caller keeps it) rather than a path or a config. */
export function isOpenModel(model: TrainingSettings['model']): model is LlamaModel {
  return typeof model === 'object' && 'trainableVariables' in model;
}

/**
 * The model a run optimises: the base (`settings.model`; on a full fine-tuning resume, the
 * checkpoint's weights, since LoRA checkpoints hold the adapter only) with LoRA adapters
 * when `settings.lora` asks for them.
 */
export function openPolicy(
  settings: TrainingSettings,
  resume: ResumedCheckpoint | undefined,
): LlamaModel | LoraModel {
  const lora = settings.lora ?? NO_LORA;
  const adapters = lora.lora !== undefined || lora.adapter !== undefined;
  const base =
    resume && !adapters ? loadModel(resume.dir) : baseModel(settings.model, settings.seed);
  return trainPolicy(base, lora, resume?.dir, settings.seed);
}

/** `settings.model` as a model: opened, created from its config, or as given. */
export function baseModel(model: TrainingSettings['model'], seed: number): LlamaModel {
  if (typeof model === 'string') return buildPolicy(model, seed);
  if (isOpenModel(model)) return model;
  return createModel(model as ModelConfigInput, { seed });
}
