import { resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import {
  allowedChanges,
  assertSameMeaning,
  buildTraining,
  dataSha256,
  flagsToSave,
  readSavedRun,
  resumeBase,
  trainRecipeSettings,
} from '@prefopt/recipes';
import { CheckpointStore } from '@prefopt/trainer';
import { stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';
import { activateBackend } from '../backend/activateBackend';
import type { CommandContext } from '../commands/Command';
import { readLoraSettings } from '../lora/readLoraSettings';
import { resolveAnyObjective } from '../objectives/resolveAnyObjective';
import { mergeConfigFile } from './mergeConfigFile';
import { readTrainSettings } from './readTrainSettings';
import { trainFlags } from './trainFlags';
import { TRL_ALIASES } from './trlNames';
import { onStopSignals, SIGNAL_EXIT } from './stopSignals';

/**
 * `prefopt train`: flags (over --config, over a resumed checkpoint's settings) → objective,
 * backend, tokenizer, data, policy → a Trainer with a metrics file and a progress reporter
 * subscribed, SIGINT wired to `requestStop`. Prints one JSON summary line on stdout.
 */
export async function runTrain(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const log = (text: string) => io.stderr.write(`${text}\n`);
  const resumeFlag = stringFlag(args, 'resume');
  const ckpt = resumeFlag ? CheckpointStore.read(resolve(io.cwd, resumeFlag)) : undefined;
  const saved = ckpt ? readSavedRun(ckpt.state.run, ckpt.dir) : { flags: {} };
  const given = mergeConfigFile(args, io.cwd); // without the checkpoint's flags
  const merged = mergeConfigFile(
    args,
    io.cwd,
    resumeBase(saved.flags, given.flags.objective, trainFlags),
    log,
  );
  const s = readTrainSettings(merged, io.cwd);
  const loraSettings = readLoraSettings(merged, io.cwd);
  const objective = await resolveAnyObjective(s.objective, merged, {
    registry: await ctx.registry(),
    ownFlags: new Set([...trainFlags, ...Object.keys(TRL_ALIASES), 'lossType']),
  });
  const dataHash = dataSha256(s.data);
  if (ckpt) {
    const before = readTrainSettings({ ...merged, flags: saved.flags }, ckpt.dir);
    assertSameMeaning(
      ckpt.dir,
      { settings: before, objective: ckpt.state.objective, dataSha256: saved.dataSha256 },
      { settings: s, objective, dataSha256: dataHash },
      allowedChanges(args.repeated.allowChanged),
    );
  }
  const training = await buildTraining(
    trainRecipeSettings(s, {
      lora: loraSettings,
      run: {
        flags: flagsToSave(merged.flags, s),
        referenceWeights: saved.referenceWeights,
        dataSha256: dataHash,
      },
      resume: ckpt,
      progress: io.stderr,
    }),
    { resolveObjective: () => objective, activateBackend: () => activateBackend(merged, ctx), log },
  );
  const { trainer } = training;
  let checkpoint: string | undefined;
  trainer.on('checkpoint', (c) => (checkpoint = c.dir));
  const signals = onStopSignals(() => trainer.requestStop(), io.stderr);
  try {
    const last = await training.run();
    io.stdout.write(
      `${JSON.stringify({ out: s.out, steps: last?.step ?? 0, loss: last?.loss ?? null, checkpoint: checkpoint ?? null })}\n`,
    );
    return 0;
  } catch (e) {
    const signal = signals.received(); // SIGTERM: the same checkpoint as SIGINT, exit 143
    if (signal === 'SIGTERM' && PrefoptError.is(e, 'interrupted')) {
      io.stderr.write(`prefopt: ${e.message}\n`);
      return SIGNAL_EXIT[signal];
    }
    throw e;
  } finally {
    signals.dispose();
    training.dispose();
  }
}
