import { PrefoptError, type TrainerEvents } from '@prefopt/core';
import type { CommandContext } from '../../commands/Command';
import { ablationLookups } from './ablationLookups';
import { runJob, type AblationJob, type WorkerMessage } from '@prefopt/recipes';

/**
 * The child side of `forkJob`: waits for one job on IPC, runs it, sends its events and
 * its result (or the error) back, and exits.
 */
export async function runWorker(ctx: CommandContext): Promise<number> {
  if (!process.send) {
    throw new PrefoptError(
      'config',
      '--worker is internal: prefopt ablate starts its workers itself. Drop the flag.',
    );
  }
  const send = (msg: WorkerMessage) =>
    new Promise<void>((resolve) => process.send!(msg, undefined, {}, () => resolve()));
  let finished = false;
  // The parent went away (killed, Ctrl-C): stop instead of training for nobody.
  process.once('disconnect', () => {
    if (!finished) process.exit(130);
  });
  const job = await new Promise<AblationJob>((resolve) =>
    process.once('message', (m) => resolve(m as AblationJob)),
  );
  const emit = <K extends keyof TrainerEvents>(event: K, payload: TrainerEvents[K][0]) => {
    void send({ type: 'event', event, payload } as WorkerMessage);
  };
  try {
    const lookups = ablationLookups(await ctx.registry(), ctx.io.stderr);
    const result = await runJob(job, lookups, emit);
    await send({ type: 'result', result });
    return 0;
  } catch (e) {
    const kind = PrefoptError.is(e) ? e.kind : undefined;
    await send({
      type: 'error',
      kind,
      message: PrefoptError.is(e) ? e.message : ((e as Error)?.stack ?? String(e)),
    });
    return 1;
  } finally {
    finished = true;
    process.disconnect?.();
  }
}
