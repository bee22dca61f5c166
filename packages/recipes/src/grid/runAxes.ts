/**
 * Grid keys that are settings of the run rather than objective options: LoRA and TR-DPO
 * (`{"objective":["dpo"],"loraRank":[8,16],"refSyncSteps":[64,512]}`). They take the
 * values `prefopt train`'s flags of the same names take.
 */
export const RUN_AXES: ReadonlySet<string> = new Set([
  'loraRank',
  'loraAlpha',
  'loraDropout',
  'loraTargets',
  'refSyncAlpha',
  'refSyncSteps',
]);
