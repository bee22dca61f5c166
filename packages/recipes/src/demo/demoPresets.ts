import type { ModelConfigInput } from '@prefopt/model';
import type { RunPlan } from '../grid/RunPlan';

/** Everything one `prefopt demo` preset fixes: task size, model, the two stages, the runs. */
export interface DemoPreset {
  name: string;
  task: {
    trainPairs: number;
    heldoutPairs: number;
    digits: 1 | 2;
    rejectedAnswer?: 'other' | 'first-listed';
  };
  /** Share of the SFT data that follows the rule (the rest are rejected responses). */
  sftRuleRate: number;
  model: ModelConfigInput;
  /** Stage 1: `sft` on chosen and rejected responses alike (`sftRuleRate`), from a fresh model. */
  sft: { steps: number; batchSize: number; lr: number };
  /** Stage 2: every run from the SFT checkpoint, same data, steps and seed. */
  preference: { steps: number; batchSize: number; lr: number; warmupRatio: number };
  runs: RunPlan[];
  generation: { prompts: number; maxNewTokens: number };
  maxLength: number;
}

/**
 * The paper's comparison (SimPO, Meng et al. 2024, Table 5 ablations) on the embedded task:
 * DPO, SimPO, IPO, SimPO without length normalisation, SimPO with γ = 0. β / γ are the
 * papers' usual values (DPO/IPO β 0.1; SimPO β 2, γ 1 i.e. γ/β = 0.5).
 */
const RUNS: RunPlan[] = [
  { name: 'dpo', objective: 'dpo', options: { beta: 0.1 } },
  { name: 'simpo', objective: 'simpo', options: { beta: 2, gamma: 1 } },
  { name: 'ipo', objective: 'ipo', options: { beta: 0.1 } },
  {
    name: 'simpo-no-ln',
    objective: 'simpo',
    options: { beta: 2, gamma: 1, lengthNormalize: false },
  },
  { name: 'simpo-gamma0', objective: 'simpo', options: { beta: 2, gamma: 0 } },
];

export const demoPresets: Readonly<Record<string, DemoPreset>> = {
  full: {
    name: 'full',
    task: { trainPairs: 2000, heldoutPairs: 200, digits: 1, rejectedAnswer: 'first-listed' },
    sftRuleRate: 0.8,
    model: { dim: 64, hiddenDim: 176, layers: 2, heads: 4, kvHeads: 4, vocab: 259, seqLen: 96 },
    sft: { steps: 600, batchSize: 8, lr: 3e-3 },
    preference: { steps: 80, batchSize: 8, lr: 1e-4, warmupRatio: 0.1 },
    runs: RUNS,
    generation: { prompts: 100, maxNewTokens: 40 },
    maxLength: 64,
  },
  /** Seconds, for CI: the same pipeline end to end on a toy model; the numbers mean nothing. */
  smoke: {
    name: 'smoke',
    task: { trainPairs: 32, heldoutPairs: 8, digits: 1, rejectedAnswer: 'first-listed' },
    sftRuleRate: 0.6,
    model: { dim: 16, hiddenDim: 32, layers: 1, heads: 2, kvHeads: 2, vocab: 259, seqLen: 64 },
    sft: { steps: 3, batchSize: 4, lr: 3e-3 },
    preference: { steps: 2, batchSize: 4, lr: 3e-4, warmupRatio: 0 },
    runs: RUNS,
    generation: { prompts: 8, maxNewTokens: 6 },
    maxLength: 64,
  },
};
