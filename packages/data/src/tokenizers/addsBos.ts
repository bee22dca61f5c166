import type { Tokenizer } from '@prefopt/core';

/**
 * Whether text for this tokenizer starts with BOS, as the tokenizer itself (and so TRL and
 * transformers' `tokenizer(text)`) would put it: `tokenizer.addsBos` where known, else
 * whenever it has a BOS id.
 */
export function addsBos(tokenizer: Tokenizer): boolean {
  return tokenizer.bosId !== undefined && (tokenizer.addsBos ?? true);
}
