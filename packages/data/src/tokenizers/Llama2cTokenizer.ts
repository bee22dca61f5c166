import type { Tokenizer } from '@prefopt/core';
import { bpeMerge } from './bpeMerge';

const BYTE_PIECE = /^<0x([0-9A-Fa-f]{2})>$/;

/**
 * llama2.c's tokenizer (`tokenizer.bin`): a SentencePiece BPE vocabulary exported with
 * scores. Encoding follows llama2.c's `encode`: BOS (1), a dummy-prefix space token,
 * one token per UTF-8 character (bytes `<0xXX>` = id byte + 3 where the character is
 * not a piece), then score-ordered merges. Pieces are kept as byte strings.
 */
export class Llama2cTokenizer implements Tokenizer {
  readonly kind = 'llama2c';
  readonly vocabSize: number;
  readonly bosId = 1;
  readonly eosId = 2;
  private readonly lookup: Map<string, number>;
  private readonly spaceId: number | undefined;

  constructor(
    private readonly pieces: readonly string[], // byte strings, one char per byte
    private readonly scores: Float32Array,
  ) {
    this.vocabSize = pieces.length;
    this.lookup = new Map();
    pieces.forEach((p, id) => {
      if (!this.lookup.has(p)) this.lookup.set(p, id);
    });
    this.spaceId = this.lookup.get(' ');
  }

  encode(text: string, options: { bos?: boolean; eos?: boolean } = {}): number[] {
    const bytes = Buffer.from(text, 'utf8');
    const ids: number[] = [];
    if (text.length > 0 && this.spaceId !== undefined) ids.push(this.spaceId); // sentencepiece's dummy prefix
    for (let i = 0; i < bytes.length;) {
      let j = i + 1;
      while (j < bytes.length && (bytes[j] & 0xc0) === 0x80 && j - i < 4) j++;
      const char = bytes.toString('latin1', i, j);
      const id = this.lookup.get(char);
      if (id !== undefined) ids.push(id);
      else for (let k = i; k < j; k++) ids.push(bytes[k] + 3); // byte fallback <0xXX>
      i = j;
    }
    const merged = bpeMerge(ids, this.pieces, this.scores, this.lookup);
    return [...(options.bos ? [this.bosId] : []), ...merged, ...(options.eos ? [this.eosId] : [])];
  }

  /** Text of `ids`; BOS/EOS/<unk> dropped, the space after BOS stripped (as llama2.c prints). */
  decode(ids: readonly number[]): string {
    const chunks: Buffer[] = [];
    let prev = -1;
    for (const id of ids) {
      if (id < 0 || id >= this.vocabSize || id <= 2) {
        prev = id;
        continue;
      }
      let piece = this.pieces[id];
      if (prev === this.bosId && piece.startsWith(' ')) piece = piece.slice(1);
      const byte = BYTE_PIECE.exec(piece);
      chunks.push(byte ? Buffer.from([parseInt(byte[1], 16)]) : Buffer.from(piece, 'latin1'));
      prev = id;
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** The piece of `id` as text (for display), e.g. ' Once' or '<0x0A>'. */
  piece(id: number): string {
    return Buffer.from(this.pieces[id] ?? '', 'latin1').toString('utf8');
  }
}
