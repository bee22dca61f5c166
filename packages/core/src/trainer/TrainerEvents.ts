/** Metrics of one optimiser step, named as TRL logs them. */
export interface StepMetrics {
  step: number;
  epoch: number;
  loss: number;
  'rewards/chosen': number;
  'rewards/rejected': number;
  'rewards/accuracies': number;
  'rewards/margins': number;
  'logps/chosen': number;
  'logps/rejected': number;
  lr: number;
  grad_norm: number;
  tokens_per_sec: number;
}

/** Metrics over the held-out split. */
export interface EvalMetrics {
  step: number;
  'eval/loss': number;
  'eval/rewards/chosen': number;
  'eval/rewards/rejected': number;
  'eval/rewards/accuracies': number;
  'eval/rewards/margins': number;
  'eval/logps/chosen': number;
  'eval/logps/rejected': number;
}

/**
 * The trainer's typed event map (eventemitter3): loggers, progress bars and
 * checkpointers subscribe; the loop only emits.
 */
export interface TrainerEvents {
  start: [
    info: {
      totalSteps: number;
      objective: string;
      requiresReference: boolean;
      resumedFrom?: number;
    },
  ];
  step: [metrics: StepMetrics];
  eval: [metrics: EvalMetrics];
  checkpoint: [info: { step: number; dir: string; reason: 'interval' | 'interrupt' | 'final' }];
  message: [text: string];
  end: [info: { steps: number; stopped: 'completed' | 'interrupted' | 'error' }];
}
