import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { booleanFlag, numberFlag, requireString, stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';
import type { TrainSettings } from '@prefopt/recipes';

const int = { integer: true, min: 0 };
const positiveInt = { integer: true, min: 1 };
const SCHEDULERS = ['cosine', 'linear', 'constant'] as const;

/**
 * Reads and checks `prefopt train`'s own flags (defaults as TRL's DPOConfig where it has
 * one: linear decay, max_grad_norm 1, weight decay 0, max_length 1024, seed 42).
 */
export function readTrainSettings(args: ParsedArgs, cwd: string): TrainSettings {
  const lrScheduler = stringFlag(args, 'lrScheduler', 'linear')!;
  if (!(SCHEDULERS as readonly string[]).includes(lrScheduler)) {
    throw new PrefoptError(
      'config',
      `--lr-scheduler must be ${SCHEDULERS.join(', ')}, got '${lrScheduler}'.`,
    );
  }
  const maxLength = numberFlag(args, 'maxLength', 1024, positiveInt)!;
  const maxPromptLength = numberFlag(args, 'maxPromptLength', undefined, positiveInt);
  if (maxPromptLength !== undefined && maxPromptLength >= maxLength) {
    throw new PrefoptError(
      'config',
      `--max-prompt-length (${maxPromptLength}) must be below --max-length (${maxLength}), or completions get no room.`,
    );
  }
  const evalData = stringFlag(args, 'evalData');
  const evalSplit = numberFlag(args, 'evalSplit', 0, { min: 0, max: 0.9 })!;
  if (evalData && evalSplit > 0)
    throw new PrefoptError('config', 'give --eval-data or --eval-split, not both.');
  const precompute = args.flags.precomputeRef;
  const precomputeRef =
    precompute === undefined || precompute === 'false'
      ? undefined
      : precompute === true || precompute === 'true'
        ? join(
            process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
            'prefopt',
            'reference-logps',
          )
        : precompute;
  const settings: TrainSettings = {
    objective: requireString(
      args,
      'objective',
      'name the objective, e.g. --objective simpo (prefopt objectives lists them).',
    ),
    model: requireString(
      args,
      'model',
      'a llama2.c .bin, an HF folder, or a model-config .json for a fresh model.',
    ),
    tokenizer: stringFlag(args, 'tokenizer'),
    data: requireString(args, 'data', 'a preference dataset (.json, .jsonl, .gz).'),
    evalData,
    evalSplit,
    format: stringFlag(args, 'format'),
    skipInvalid: booleanFlag(args, 'skipInvalid'),
    template: stringFlag(args, 'template'),
    batchSize: numberFlag(args, 'batchSize', 8, positiveInt)!,
    gradAccum: numberFlag(args, 'gradAccum', 1, positiveInt)!,
    lr: numberFlag(args, 'lr', 1e-6, { min: Number.MIN_VALUE })!,
    lrScheduler: lrScheduler as TrainSettings['lrScheduler'],
    warmupRatio: numberFlag(args, 'warmupRatio', 0, { min: 0, max: 1 })!,
    weightDecay: numberFlag(args, 'weightDecay', 0, { min: 0 })!,
    maxGradNorm: numberFlag(args, 'maxGradNorm', 1, { min: 0 })!,
    maxSteps: numberFlag(args, 'maxSteps', 0, int)!,
    epochs: numberFlag(args, 'epochs', 1, { min: Number.MIN_VALUE })!,
    maxLength,
    maxPromptLength,
    seed: numberFlag(args, 'seed', 42, int)!,
    evalEvery: numberFlag(args, 'evalEvery', 0, int)!,
    saveEvery: numberFlag(args, 'saveEvery', 0, int)!,
    saveTotalLimit: numberFlag(args, 'saveTotalLimit', 0, int)!,
    overwrite: booleanFlag(args, 'overwrite'),
    resume: stringFlag(args, 'resume'),
    precomputeRef,
    reportTo: [],
    loggingDir: '',
    out: requireString(
      args,
      'out',
      'the run folder for metrics.jsonl and checkpoints, e.g. --out runs/x.',
    ),
  };
  const reportTo = readReportTo(stringFlag(args, 'reportTo', 'none')!);
  const loggingDir = stringFlag(args, 'loggingDir') ?? join(settings.out, 'runs');
  const abs = (p: string | undefined) => (p === undefined || p === 'bytes' ? p : resolve(cwd, p));
  Object.assign(settings, {
    model: abs(settings.model),
    tokenizer: abs(settings.tokenizer),
    data: abs(settings.data),
    evalData: abs(settings.evalData),
    precomputeRef: abs(settings.precomputeRef),
    out: abs(settings.out),
    reportTo,
    loggingDir: resolve(cwd, loggingDir),
  });
  if (settings.evalEvery > 0 && !settings.evalData && settings.evalSplit === 0) {
    throw new PrefoptError(
      'config',
      `--eval-every ${settings.evalEvery} needs held-out data: add --eval-data FILE or --eval-split 0.1.`,
    );
  }
  return settings;
}

const REPORT_TO = ['tensorboard'] as const;

/** `--report-to none|tensorboard` (TRL's report_to; `all` = every sink prefopt has; others are refused by name). */
function readReportTo(raw: string): TrainSettings['reportTo'] {
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.includes('none')) return [];
  if (names.includes('all')) return [...REPORT_TO];
  const bad = names.filter((n) => !(REPORT_TO as readonly string[]).includes(n));
  if (bad.length) {
    throw new PrefoptError(
      'config',
      `--report-to ${bad.join(',')} is not available; prefopt writes metrics.jsonl always and can add: ${REPORT_TO.join(', ')} (or none).`,
    );
  }
  return names as TrainSettings['reportTo'];
}
