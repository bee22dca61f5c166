import { PrefoptError, type Registry } from '@prefopt/core';
import { jsonFlag, numberFlag, requireString, stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';
import type { AblationSettings } from '@prefopt/recipes';
import { chooseTokenizer, expandGrid } from '@prefopt/recipes';

/** `prefopt ablate` flags → settings; `backend` is resolved by the caller. */
export async function readAblationSettings(
  args: ParsedArgs,
  registry: Registry,
  command: string,
): Promise<Omit<AblationSettings, 'backend' | 'threads'>> {
  const plugins = args.repeated.plugin ?? [];
  const declared = (name: string): string[] | undefined =>
    registry.has('objective', name)
      ? Object.keys(registry.get('objective', name).options)
      : undefined;
  const grid = jsonFlag(args, 'grid');
  if (grid === undefined) {
    throw new PrefoptError(
      'config',
      `missing --grid, e.g. --grid '{"objective":["simpo"],"gamma":[0,0.5,1],"lengthNormalize":[true,false]}'.`,
    );
  }
  const runs = expandGrid(grid, declared, registry.names('objective'));
  const annotatorName = stringFlag(args, 'annotator');
  const annotatorOptions = jsonFlag(args, 'annotatorOptions') ?? {};
  if (
    typeof annotatorOptions !== 'object' ||
    annotatorOptions === null ||
    Array.isArray(annotatorOptions)
  ) {
    throw new PrefoptError(
      'config',
      `--annotator-options must be a JSON object like '{"word":"dog"}'.`,
    );
  }
  const model = requireString(
    args,
    'model',
    'the model every run starts from (.bin, HF folder, or a model-config .json).',
  );
  const steps = numberFlag(args, 'steps', 100, { min: 1, integer: true })!;
  return {
    title: stringFlag(args, 'title', 'prefopt ablation')!,
    command,
    out: stringFlag(args, 'out', 'runs/ablate')!,
    plugins,
    model,
    tokenizer: chooseTokenizer(stringFlag(args, 'tokenizer'), model),
    data: requireString(args, 'data', 'the preference data to train on.'),
    evalData: requireString(
      args,
      'evalData',
      'held-out preference data (accuracy, margin, and prompts to generate from).',
    ),
    seed: numberFlag(args, 'seed', 0, { min: 0, integer: true })!,
    seeds: numberFlag(args, 'seeds', 1, { min: 1, integer: true })!,
    parallel: numberFlag(args, 'parallel', 1, { min: 1, integer: true })!,
    maxLength: numberFlag(args, 'maxLength', 128, { min: 2, integer: true })!,
    runs,
    steps,
    batchSize: numberFlag(args, 'batchSize', 8, { min: 1, integer: true })!,
    lr: numberFlag(args, 'lr', 5e-4, { min: 0 })!,
    warmupRatio: numberFlag(args, 'warmupRatio', 0.1, { min: 0, max: 1 })!,
    generation: {
      prompts: numberFlag(args, 'genPrompts', 64, { min: 0, integer: true })!,
      maxNewTokens: numberFlag(args, 'maxNewTokens', 48, { min: 1, integer: true })!,
      annotator: annotatorName
        ? { name: annotatorName, options: annotatorOptions as Record<string, unknown> }
        : undefined,
    },
    notes: [],
    baselineName: 'base',
  };
}
