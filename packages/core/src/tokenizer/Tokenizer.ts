/** Text ↔ token ids, for every tokenizer prefopt reads (llama2.c, HF tokenizer.json, bytes). */
export interface Tokenizer {
  /** 'llama2c', 'hf', 'bytes'. */
  readonly kind: string;
  readonly vocabSize: number;
  /** Begin-of-sequence id, or undefined where the model uses none. */
  readonly bosId: number | undefined;
  /** End-of-sequence id, or undefined. */
  readonly eosId: number | undefined;
  /**
   * Whether the tokenizer itself puts BOS first when asked for special tokens (a HF
   * post-processor such as Llama's `<s> $A`; TRL's tokenisation). Undefined reads as
   * `bosId !== undefined`.
   */
  readonly addsBos?: boolean;
  /** Ids for `text`; with `bos`, the BOS id first. */
  encode(text: string, options?: { bos?: boolean; eos?: boolean }): number[];
  /** Text for `ids` (special tokens dropped). */
  decode(ids: readonly number[]): string;
}
