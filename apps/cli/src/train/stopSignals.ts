/** Exit codes of a run stopped by a signal: 128 + the signal's number. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

/**
 * SIGINT and SIGTERM (what schedulers and `docker stop` send) both ask the run to stop
 * after the current step and write a checkpoint. A second signal exits at once (the
 * checkpoint write in progress, if any, is a temp folder the next start removes).
 * Returns the first signal received (if any) and the unsubscribe.
 */
export function onStopSignals(
  stop: () => void,
  stderr: { write(text: string): unknown },
): { received: () => StopSignal | undefined; dispose: () => void } {
  let first: StopSignal | undefined;
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      if (first) {
        stderr.write(
          `prefopt: second ${signal}: exiting now; steps since the last checkpoint are lost.\n`,
        );
        process.exit(SIGNAL_EXIT[signal]);
        return;
      }
      first = signal;
      stderr.write(
        `prefopt: ${signal}: stopping after this step to write a checkpoint (send it again to exit at once).\n`,
      );
      stop();
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    received: () => first,
    dispose: () => handlers.forEach(([signal, handler]) => process.off(signal, handler)),
  };
}
