import { kebabCase } from '../args/parseArgs';
import { LORA_FLAG_ALIASES } from '../lora/loraFlags';
import { TRL_ALIASES } from './trlNames';

/** Whether `key` (a flag train reads) is documented: its own help line, or an alias of one. */
export function isDocumentedFlag(key: string): boolean {
  if (TRAIN_FLAG_HELP[key]) return true;
  return Object.entries(LORA_FLAG_ALIASES).some(
    ([own, names]) =>
      TRAIN_FLAG_HELP[own] !== undefined && (names as readonly string[]).includes(key),
  );
}

/** One line of `prefopt train --help`: the flag, its default and range, what it does. */
interface FlagHelp {
  default?: string;
  range?: string;
  text: string;
}

/** Every flag `prefopt train` reads itself (objective options: `prefopt objectives`). */
export const TRAIN_FLAG_HELP: Readonly<Record<string, FlagHelp>> = {
  objective: { text: "objective name (prefopt objectives), or a weighted sum 'dpo+0.05*sft'" },
  model: {
    text: 'a llama2.c .bin, an HF folder, a prefopt checkpoint, or a model-config .json (fresh model)',
  },
  tokenizer: {
    default: 'beside the model',
    text: 'tokenizer.json, llama2.c tokenizer.bin, or bytes',
  },
  data: {
    text: 'preference pairs: .json, .jsonl or .gz (TRL standard/conversational, hh-rlhf, ShareGPT)',
  },
  evalData: { text: 'held-out pairs for --eval-every' },
  evalSplit: {
    default: '0',
    range: '0–0.9',
    text: 'fraction of --data held out instead of --eval-data',
  },
  format: { default: 'auto', text: 'force a dataset format instead of detecting it' },
  skipInvalid: {
    default: 'false',
    text: 'skip bad records (counted and reported) instead of stopping',
  },
  template: {
    default: 'plain',
    range: 'plain|chatml|llama2',
    text: 'chat template for conversational data',
  },
  batchSize: { default: '8', range: '≥ 1', text: 'pairs per micro-batch' },
  gradAccum: { default: '1', range: '≥ 1', text: 'micro-batches per optimiser step' },
  lr: { default: '1e-6', range: '> 0', text: 'peak learning rate (AdamW)' },
  lrScheduler: { default: 'linear', range: 'linear|cosine|constant', text: 'decay after warmup' },
  warmupRatio: { default: '0', range: '0–1', text: 'fraction of steps with linear warmup' },
  weightDecay: { default: '0', range: '≥ 0', text: 'AdamW decoupled weight decay' },
  maxGradNorm: { default: '1', range: '≥ 0', text: 'global gradient-norm clip (0 = off)' },
  maxSteps: { default: '0', range: '≥ 0', text: 'optimiser steps (0 = from --epochs)' },
  epochs: { default: '1', range: '> 0', text: 'passes over --data when --max-steps is 0' },
  maxLength: { default: '1024', range: '≥ 1', text: 'prompt + completion tokens per sequence' },
  maxPromptLength: {
    default: 'max-length / 2',
    range: '< max-length',
    text: 'prompt tokens kept (cut from the left)',
  },
  seed: { default: '42', range: 'integer ≥ 0', text: 'data order and fresh-model initialisation' },
  evalEvery: { default: '0', range: '≥ 0', text: 'evaluate every N steps (0 = never)' },
  saveEvery: { default: '0', range: '≥ 0', text: 'checkpoint every N steps (0 = only at the end)' },
  saveTotalLimit: {
    default: '0',
    range: '≥ 0',
    text: 'keep only the newest N checkpoints (0 = all)',
  },
  resume: { text: 'continue from a checkpoint folder, or a run folder (its latest checkpoint)' },
  allowChanged: {
    text: 'settings a resume may change (e.g. seed,batch-size); others must match the checkpoint',
  },
  overwrite: { default: 'false', text: "replace another run's files in --out instead of refusing" },
  precomputeRef: {
    default: 'off',
    text: 'reference log-probs from a disk cache (DIR, or the default cache)',
  },
  out: { text: 'run folder: metrics.jsonl, checkpoints' },
  reportTo: {
    default: 'none',
    range: 'none|tensorboard|all',
    text: 'extra metric sinks besides metrics.jsonl',
  },
  loggingDir: { default: '<out>/runs', text: 'TensorBoard event files folder' },
  loraRank: {
    default: 'off',
    range: '≥ 1',
    text: 'LoRA adapters of this rank instead of full fine-tuning (any --lora-* turns LoRA on)',
  },
  loraAlpha: {
    default: '8',
    range: '> 0',
    text: 'LoRA update scale alpha / rank (PEFT lora_alpha)',
  },
  loraDropout: {
    default: '0',
    range: '0–0.99',
    text: "dropout on the adapters' input while training",
  },
  loraTargets: {
    default: 'q,v',
    range: 'q,k,v,o,gate,up,down | all-linear',
    text: 'projections that get adapters',
  },
  adapter: {
    text: 'start from a PEFT LoRA adapter folder (adapter_config.json gives rank, alpha, targets)',
  },
  refSyncAlpha: {
    default: '0.6',
    range: '0–1',
    text: 'TR-DPO: ref ← α·policy + (1−α)·ref (turns TR-DPO on)',
  },
  refSyncSteps: {
    default: '512',
    range: '≥ 1',
    text: 'TR-DPO: sync the reference every τ steps (turns TR-DPO on)',
  },
  syncRefModel: { default: 'false', text: "TR-DPO with TRL's defaults (TRL sync_ref_model)" },
  backend: { default: 'auto', text: 'compute engine (prefopt backends lists them)' },
  threads: { default: 'engine default', text: 'CPU threads of the engine' },
  config: { text: 'JSON or YAML of flags; TRL DPOConfig / CPOConfig keys accepted' },
  help: { text: 'this help' },
};

/** The `--help` text of `prefopt train`: every own flag with default, range and TRL alias. */
export function trainHelpText(): string {
  const trlOf = new Map<string, string[]>();
  for (const [trl, own] of Object.entries(TRL_ALIASES)) {
    trlOf.set(own, [...(trlOf.get(own) ?? []), `--${kebabCase(trl)}`]);
  }
  for (const [own, names] of Object.entries(LORA_FLAG_ALIASES)) {
    const others = (names as readonly string[]).filter((n) => n !== own && !n.includes('_'));
    if (others.length)
      trlOf.set(own, [...(trlOf.get(own) ?? []), ...others.map((n) => `--${kebabCase(n)}`)]);
  }
  const rows = Object.entries(TRAIN_FLAG_HELP).map(([key, h]) => {
    const flag = `--${kebabCase(key)}`;
    const facts = [h.default && `default ${h.default}`, h.range].filter(Boolean).join(', ');
    const alias = trlOf.get(key);
    return [
      flag,
      `${h.text}${facts ? ` (${facts})` : ''}${alias ? `; TRL/PEFT: ${alias.join(', ')}` : ''}`,
    ];
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return [
    'flags of prefopt train:',
    ...rows.map(([f, t]) => `  ${f.padEnd(width)}  ${t}`),
    '',
    "TRL's --loss-type picks the objective (sigmoid → dpo, ipo, hinge, robust, exo_pair, nca_pair, bco_pair,",
    'sppo_hard, apo_zero, apo_down, discopop, simpo); --simpo-gamma → --gamma, --cpo-alpha → --alpha.',
    "Defaults that differ from TRL: simpo β 2 / γ 1 (CPOConfig: 0.1 / 0.5); TRL's loss_type=simpo is",
    "CPO-SimPO with cpo_alpha 1 (prefopt's simpo: pure SimPO). Objective options: prefopt objectives.",
  ].join('\n');
}
