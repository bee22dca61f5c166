import type { Tokenizer } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';

/**
 * Fails before any compute when the tokenizer can produce ids the model has no
 * embedding for (its vocabulary is larger than the model's).
 */
export function assertTokenizerFits(
  tokenizer: Tokenizer,
  model: { readonly vocabSize: number },
): void {
  if (tokenizer.vocabSize > model.vocabSize) {
    throw new PrefoptError(
      'tokenizer',
      `the ${tokenizer.kind} tokenizer has ${tokenizer.vocabSize} tokens but the model's vocabulary is ${model.vocabSize}; ` +
        'pass the tokenizer the model was trained with (--tokenizer).',
    );
  }
}
