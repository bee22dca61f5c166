import { afterEach, describe, expect, it, vi } from 'vitest';
import { onStopSignals } from '../../src/train/stopSignals';
import { textBuffer } from '@prefopt/testing';

afterEach(() => vi.restoreAllMocks());

describe('onStopSignals', () => {
  it.each([
    ['SIGTERM', 'SIGINT', 130],
    ['SIGINT', 'SIGTERM', 143],
  ] as const)(
    'a first %s asks the run to stop; a second signal (%s) exits at once with %i',
    (first, second, code) => {
      const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      const stderr = textBuffer();
      const stop = vi.fn();
      const signals = onStopSignals(stop, stderr);
      try {
        process.emit(first);
        expect(stop).toHaveBeenCalledTimes(1);
        expect(exit).not.toHaveBeenCalled();
        expect(signals.received()).toBe(first);
        process.emit(second);
        expect(exit).toHaveBeenCalledWith(code);
        expect(stderr.text).toBe(
          `prefopt: ${first}: stopping after this step to write a checkpoint (send it again to exit at once).\n` +
            `prefopt: second ${second}: exiting now; steps since the last checkpoint are lost.\n`,
        );
      } finally {
        signals.dispose();
      }
      expect(process.listenerCount('SIGTERM')).toBe(0);
    },
  );
});
