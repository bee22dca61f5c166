import { PrefoptError } from '@prefopt/core';
import type { TokenizeOptions } from './TokenizeOptions';

/** Config errors for lengths that cannot work: not positive integers, or no room for completions. */
export function validateTokenizeOptions(options: TokenizeOptions): void {
  const { maxLength, maxPromptLength } = options;
  for (const [flag, v] of [
    ['--max-length', maxLength],
    ['--max-prompt-length', maxPromptLength],
  ] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) {
      throw new PrefoptError('config', `${flag} must be a positive integer, got ${v}.`);
    }
  }
  if (maxLength !== undefined && maxPromptLength !== undefined && maxPromptLength >= maxLength) {
    throw new PrefoptError(
      'config',
      `--max-prompt-length (${maxPromptLength}) must be less than --max-length (${maxLength}) to leave room for completions.`,
    );
  }
}
