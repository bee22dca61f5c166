import type { Tokenizer as Tokenizers } from '@huggingface/tokenizers';
import type { Tokenizer } from '@prefopt/core';

/**
 * A Hugging Face `tokenizer.json` through `@huggingface/tokenizers`. Special tokens are
 * added by prefopt, not by the file's post-processor, so `encode(text)` is the plain text
 * and `{ bos: true }` puts exactly one BOS first.
 */
export class HfTokenizer implements Tokenizer {
  readonly kind = 'hf';
  readonly vocabSize: number;

  constructor(
    private readonly inner: Tokenizers,
    readonly bosId: number | undefined,
    readonly eosId: number | undefined,
  ) {
    let max = -1;
    for (const id of inner.get_vocab(true).values()) max = Math.max(max, id);
    this.vocabSize = max + 1;
  }

  encode(text: string, options: { bos?: boolean; eos?: boolean } = {}): number[] {
    const ids = this.inner.encode(text, { add_special_tokens: false }).ids;
    const bos = options.bos && this.bosId !== undefined ? [this.bosId] : [];
    const eos = options.eos && this.eosId !== undefined ? [this.eosId] : [];
    return [...bos, ...ids, ...eos];
  }

  decode(ids: readonly number[]): string {
    return this.inner.decode([...ids], { skip_special_tokens: true });
  }
}
