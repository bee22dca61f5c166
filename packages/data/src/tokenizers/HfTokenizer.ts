import type { Tokenizer as Tokenizers } from '@huggingface/tokenizers';
import type { Tokenizer } from '@prefopt/core';

/** What `tokenizer_config.json` adds to a `tokenizer.json`. */
export interface HfTokenizerExtras {
  bosId: number | undefined;
  eosId: number | undefined;
  /** `bos_token`, `eos_token`, … as text: the variables a chat template sees. */
  specialTokens?: Record<string, string>;
  /** The `chat_template` (Jinja source), when the tokenizer has one. */
  chatTemplate?: string;
}

/**
 * A Hugging Face `tokenizer.json` through `@huggingface/tokenizers`. Special tokens are
 * added by prefopt, not by the file's post-processor, so `encode(text)` is the plain text
 * and `{ bos: true }` puts exactly one BOS first. `addsBos` says whether the file's own
 * post-processor would have put one there (what TRL's tokenisation gives).
 */
export class HfTokenizer implements Tokenizer {
  readonly kind = 'hf';
  readonly vocabSize: number;
  readonly bosId: number | undefined;
  readonly eosId: number | undefined;
  readonly addsBos: boolean;
  readonly specialTokens: Readonly<Record<string, string>>;
  readonly chatTemplate: string | undefined;

  constructor(
    private readonly inner: Tokenizers,
    extras: HfTokenizerExtras,
  ) {
    let max = -1;
    for (const id of inner.get_vocab(true).values()) max = Math.max(max, id);
    this.vocabSize = max + 1;
    this.bosId = extras.bosId;
    this.eosId = extras.eosId;
    this.specialTokens = extras.specialTokens ?? {};
    this.chatTemplate = extras.chatTemplate;
    this.addsBos = postProcessorAddsBos(inner, this.bosId);
  }

  encode(text: string, options: { bos?: boolean; eos?: boolean } = {}): number[] {
    const ids = this.inner.encode(text, { add_special_tokens: false }).ids;
    const bos = options.bos && this.bosId !== undefined ? [this.bosId] : [];
    const eos = options.eos && this.eosId !== undefined ? [this.eosId] : [];
    return [...bos, ...ids, ...eos];
  }

  /** Text of `ids`, special tokens dropped; no ids is '' (as in Python). */
  decode(ids: readonly number[]): string {
    if (ids.length === 0) return '';
    return this.inner.decode([...ids], { skip_special_tokens: true });
  }
}

/** Whether the file's post-processor puts `bosId` first (Llama's `<s> $A`, Llama-3's). */
function postProcessorAddsBos(inner: Tokenizers, bosId: number | undefined): boolean {
  if (bosId === undefined) return false;
  try {
    const plain = inner.encode('a', { add_special_tokens: false }).ids;
    const special = inner.encode('a', { add_special_tokens: true }).ids;
    return special[0] === bosId && plain[0] !== bosId;
  } catch {
    return true; // cannot tell: as a tokenizer with a BOS id
  }
}
