import { PrefoptError } from '@prefopt/core';
import { kebabCase } from '../args/parseArgs';

/**
 * TRL / Hugging Face TrainingArguments names that `prefopt train` accepts (flags and
 * `--config` keys, camelCased), mapped to prefopt's own. Names equal in both
 * (`--max-length`, `--seed`, `--warmup-ratio`, `--beta`, …) need no entry.
 */
export const TRL_ALIASES: Readonly<Record<string, string>> = {
  learningRate: 'lr',
  perDeviceTrainBatchSize: 'batchSize',
  gradientAccumulationSteps: 'gradAccum',
  numTrainEpochs: 'epochs',
  outputDir: 'out',
  lrSchedulerType: 'lrScheduler',
  precomputeRefLogProbs: 'precomputeRef',
  saveSteps: 'saveEvery',
  evalSteps: 'evalEvery',
  modelNameOrPath: 'model',
  overwriteOutputDir: 'overwrite',
  simpoGamma: 'gamma',
  cpoAlpha: 'alpha',
};

/** TRL DPOConfig / CPOConfig `loss_type` values → prefopt objectives. */
export const TRL_LOSS_TYPES: Readonly<Record<string, string>> = {
  sigmoid: 'dpo',
  hinge: 'hinge',
  ipo: 'ipo',
  exo_pair: 'exo',
  nca_pair: 'nca',
  robust: 'robust-dpo',
  bco_pair: 'bco-pair',
  sppo_hard: 'sppo-hard',
  apo_zero: 'apo-zero',
  apo_down: 'apo-down',
  discopop: 'discopop',
  simpo: 'simpo',
};

/**
 * Renames TRL's names to prefopt's in a flag map (camelCase keys) and turns `lossType` into
 * `objective`. A name given both ways with different values is an error naming both;
 * returns notes to print where TRL and prefopt differ.
 */
export function applyTrlNames(flags: Readonly<Record<string, string | true>>): {
  flags: Record<string, string | true>;
  notes: string[];
} {
  const out: Record<string, string | true> = {};
  const notes: string[] = [];
  const set = (key: string, value: string | true, from: string) => {
    if (out[key] !== undefined && out[key] !== value) {
      throw new PrefoptError(
        'config',
        `--${kebabCase(from)} ${value} and --${kebabCase(key)} ${out[key]} name the same setting; give one.`,
      );
    }
    out[key] = value;
  };
  for (const [key, value] of Object.entries(flags)) {
    if (key === 'lossType') continue;
    set(TRL_ALIASES[key] ?? key, value, key);
  }
  const lossType = flags.lossType;
  if (lossType !== undefined) {
    const objective = lossType === true ? undefined : TRL_LOSS_TYPES[lossType];
    if (!objective) {
      throw new PrefoptError(
        'config',
        `--loss-type ${lossType === true ? '(no value)' : lossType} has no prefopt objective; TRL loss types here: ${Object.keys(TRL_LOSS_TYPES).join(', ')} (or pick one with --objective).`,
      );
    }
    set('objective', objective, 'lossType');
    if (objective === 'simpo') {
      if (flags.cpoAlpha !== undefined && Number(flags.cpoAlpha) !== 0) {
        throw new PrefoptError(
          'config',
          `--loss-type simpo with --cpo-alpha ${flags.cpoAlpha} is TRL's CPO-SimPO (SimPO + α·NLL); prefopt's simpo is pure SimPO: use --objective 'simpo+${flags.cpoAlpha}*sft' --params '{"simpo":{"beta":2,"gamma":1}}', or --cpo-alpha 0.`,
        );
      }
      delete out.alpha;
      notes.push(
        "note: TRL's CPOTrainer loss_type=simpo adds cpo_alpha·NLL (cpo_alpha defaults to 1.0 there); prefopt's simpo is pure SimPO (cpo_alpha 0), with β 2 and γ 1 by default (CPOConfig: beta 0.1, simpo_gamma 0.5).",
      );
    }
  }
  return { flags: out, notes };
}
