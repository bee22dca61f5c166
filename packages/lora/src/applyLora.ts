import type { LlamaModel } from '@prefopt/model';
import { LoraAdapters } from './LoraAdapters';
import { LoraModel } from './LoraModel';
import { resolveLoraOptions, type LoraOptions } from './LoraOptions';
import { readPeftAdapter } from './peft/readPeftAdapter';

/**
 * The model transform: `base` with fresh LoRA adapters (PEFT's initialisation, so the
 * result starts equal to the base), or with the PEFT adapter folder `adapterDir`.
 * The returned LoraModel owns `base`.
 */
export function applyLora(
  base: LlamaModel,
  source:
    | {
        options: Partial<Omit<LoraOptions, 'targets'>> & { targets?: string | string[] };
        seed?: number;
      }
    | { adapterDir: string },
): LoraModel {
  const adapters =
    'adapterDir' in source
      ? readPeftAdapter(source.adapterDir, base.config)
      : new LoraAdapters(base.config, resolveLoraOptions(source.options), undefined, source.seed);
  return new LoraModel(base, adapters);
}
