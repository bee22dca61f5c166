import { backendUsage } from '../backend/backendUsage';
import { runTrain } from '../train/runTrain';
import { trainHelpText } from '../train/trainFlagHelp';
import type { Command } from './Command';

/** `prefopt train`: preference-optimise a causal LM on a dataset (docs/training.md). */
export const train: Command = {
  name: 'train',
  summary:
    'train a model on preference pairs with any objective (reference model only if it needs one)',
  usage:
    'prefopt train --objective NAME [objective options as flags, e.g. --beta 2 --gamma 1] ' +
    '--model PATH|CONFIG.json [--tokenizer PATH] --data FILE [--eval-data FILE | --eval-split F] ' +
    '--out DIR [--config FILE.json] [--batch-size 8] [--grad-accum 1] [--lr 1e-6] ' +
    '[--lr-scheduler linear|cosine|constant] [--warmup-ratio 0] [--weight-decay 0] [--max-grad-norm 1] ' +
    '[--max-steps N | --epochs 1] [--max-length 1024] [--max-prompt-length N] [--template auto|tokenizer|plain|chatml|llama2] ' +
    '[--format auto|NAME] [--skip-invalid] [--seed 42] [--eval-every 0] [--save-every 0] [--save-total-limit 0] [--resume DIR] [--allow-changed KEY,…] [--overwrite] ' +
    '[--precompute-ref [DIR]] [--lora-rank 8 --lora-alpha 8 --lora-dropout 0 --lora-targets q,v | --adapter PEFT_DIR] ' +
    `[--ref-sync-alpha 0.6 --ref-sync-steps 512] ${backendUsage}`,
  help: trainHelpText,
  run: runTrain,
};
