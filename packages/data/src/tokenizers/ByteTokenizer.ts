import type { Tokenizer } from '@prefopt/core';

/**
 * Bytes as tokens, for models trained from scratch: ids 0–255 are the UTF-8 bytes,
 * 256 BOS, 257 EOS, 258 PAD (vocabulary 259).
 */
export class ByteTokenizer implements Tokenizer {
  readonly kind = 'bytes';
  readonly vocabSize = 259;
  readonly bosId = 256;
  readonly eosId = 257;
  readonly padId = 258;

  encode(text: string, options: { bos?: boolean; eos?: boolean } = {}): number[] {
    const ids = Array.from(Buffer.from(text, 'utf8'));
    return [...(options.bos ? [this.bosId] : []), ...ids, ...(options.eos ? [this.eosId] : [])];
  }

  /** Text of the byte ids (special ids dropped; invalid UTF-8 becomes U+FFFD). */
  decode(ids: readonly number[]): string {
    return Buffer.from(ids.filter((id) => id >= 0 && id < 256)).toString('utf8');
  }
}
