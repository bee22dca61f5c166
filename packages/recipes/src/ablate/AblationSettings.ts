import type { AblationJob } from './AblationJob';
import type { RunPlan } from '../grid/RunPlan';

/** Everything `runAblation` needs: the shared setup and the runs that differ only in objective. */
export interface AblationSettings {
  title: string;
  /** The command line that reproduces the ablation (shown in the report). */
  command: string;
  out: string;
  /** A backend name (not 'auto': the caller resolves it once, so every run uses the same). */
  backend: string;
  /** Threads for backends that use them (native); undefined: the backend's default. */
  threads?: number;
  plugins: string[];
  /** The model every run starts from. */
  model: string;
  tokenizer: string;
  data: string;
  evalData: string;
  seed: number;
  maxLength: number;
  runs: RunPlan[];
  steps: number;
  batchSize: number;
  lr: number;
  warmupRatio: number;
  generation: AblationJob['generation'];
  /** Facts about the data, listed in the report. */
  notes: string[];
  /** Label of the starting model in the table ('base', or 'sft' in the demo). */
  baselineName: string;
  /** `--seeds N`: every run is trained N times, with seeds seed, seed+1, … (default 1). */
  seeds?: number;
  /** Worker processes at a time (default 1; 2 pays on a 2-core machine with 1 thread each). */
  parallel?: number;
}
