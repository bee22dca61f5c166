import type { LoraOptions } from '@prefopt/lora';
import type { RefSyncOptions } from '@prefopt/trainer';

/** What a run does about adapters and a moving reference (`prefopt train`'s LoRA and TR-DPO flags). */
export interface LoraSettings {
  /** LoRA on (any --lora-* flag, or --adapter); undefined = full fine-tuning. */
  lora: LoraOptions | undefined;
  /** A PEFT adapter folder to start from (its config gives rank, alpha, targets). */
  adapter: string | undefined;
  /** TR-DPO sync (any --ref-sync-* flag, or --sync-ref-model); undefined = a fixed reference. */
  sync: RefSyncOptions | undefined;
}

/** Full fine-tuning against a fixed reference. */
export const NO_LORA: LoraSettings = { lora: undefined, adapter: undefined, sync: undefined };
