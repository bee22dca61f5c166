/**
 * LoRA and TR-DPO flags of `prefopt train`, each with the spellings TRL / PEFT users type
 * (`--lora_r 16`, `--lora-target-modules q_proj,v_proj`, `--ref_model_mixup_alpha 0.6`),
 * keyed as parseArgs camelCases them. The first name is the one prefopt documents.
 */
export const LORA_FLAG_ALIASES = {
  loraRank: ['loraRank', 'loraR', 'lora_r'],
  loraAlpha: ['loraAlpha', 'lora_alpha'],
  loraDropout: ['loraDropout', 'lora_dropout'],
  loraTargets: ['loraTargets', 'loraTargetModules', 'lora_target_modules'],
  adapter: ['adapter'],
  refSyncAlpha: ['refSyncAlpha', 'refModelMixupAlpha', 'ref_model_mixup_alpha'],
  refSyncSteps: ['refSyncSteps', 'refModelSyncSteps', 'ref_model_sync_steps'],
  syncRefModel: ['syncRefModel', 'sync_ref_model'],
} as const;

/** Every key above: flags `prefopt train` reads itself (not objective options). */
export const loraFlagKeys: readonly string[] = Object.values(LORA_FLAG_ALIASES).flat();
