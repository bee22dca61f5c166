import type { LoraOptions } from '@prefopt/lora';
import type { ModelConfigInput } from '@prefopt/model';

/** What `prefopt bench` measures: one training step of `objective` on a random model. */
export interface BenchOptions {
  modelConfig: ModelConfigInput; // llama2.c names: dim, hiddenDim, layers, heads, kvHeads, vocab, seqLen
  batch: number; // B, pairs per step (2B rows)
  seq: number; // T, tokens per row (≤ modelConfig.seqLen)
  promptShare?: number; // the prompt's share of each row, shared by chosen and rejected (default 0.5)
  objective: string; // 'simpo', 'dpo', … (resolved with its option flags by the command)
  steps: number; // timed steps (median reported)
  warmup: number; // untimed steps first
  threads?: number; // backend threads where supported (reported; activateBackend applies it)
  seed: number; // model init and synthetic batch
  lr: number; // AdamW learning rate
  lora?: LoraOptions; // LoRA on the random model (--lora-rank …; Trainer loop only), reference = adapters off
}

/** Milliseconds of one step by phase, as torch_step.py splits it. */
export interface PhaseTimes {
  forward: number; // policy forward over the 2B rows, to the loss
  referenceForward: number; // frozen reference forward (0 for reference-free objectives)
  backward: number; // gradients of the loss w.r.t. every trainable variable
  optimizer: number; // AdamW update
  step: number; // all of the above
  stepCpu: number; // CPU time of the process over the step (all threads): robust to a busy machine
}

/** The `--json` line. */
export interface BenchResult {
  impl: 'prefopt';
  mode: 'step' | 'trainer'; // bench's instrumented step, or the Trainer loop itself (--trainer)
  backend: string; // the adapter's name ('native', 'wasm', …)
  tfBackend: string; // tfjs's backend underneath ('wasm' for native)
  threads: number | null;
  objective: string;
  batch: number;
  seq: number;
  params: number;
  steps: number;
  medianStepMs: number;
  medianStepCpuMs: number; // process CPU time per step, all threads (≈ wall time × threads when idle)
  tokensPerSec: number; // 2·B·T tokens per median step
  peakRssMiB: number; // the process's peak resident set (the wasm heap never shrinks)
  wasmHeapMiB: number | null; // wasm-heap backends (wasm, native): the heap's size, its high-water mark
  phases: Omit<PhaseTimes, 'step' | 'stepCpu'> | null; // medians per phase (wall clock); null with --trainer
  loss: number; // loss of the last step, a sanity check that it trains
}
