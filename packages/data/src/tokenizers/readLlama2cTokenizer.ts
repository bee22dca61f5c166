import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import { Llama2cTokenizer } from './Llama2cTokenizer';

/**
 * Reads llama2.c's `tokenizer.bin`: int32 max_token_length, then per token a float32
 * score, an int32 byte length and the piece's bytes, until the end of the file.
 */
export function readLlama2cTokenizer(file: string): Llama2cTokenizer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new PrefoptError('tokenizer', `cannot read tokenizer ${file}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const fail = (what: string): never => {
    throw new PrefoptError('tokenizer', `${file}: ${what} (is it a llama2.c tokenizer.bin?)`);
  };
  if (bytes.length < 4) fail(`expected at least 4 bytes, found ${bytes.length}`);
  const maxLen = bytes.readInt32LE(0);
  const pieces: string[] = [];
  const scores: number[] = [];
  let at = 4;
  while (at < bytes.length) {
    if (at + 8 > bytes.length)
      fail(
        `token ${pieces.length} header expected 8 bytes at offset ${at}, found ${bytes.length - at}`,
      );
    const score = bytes.readFloatLE(at);
    const len = bytes.readInt32LE(at + 4);
    if (len < 0 || len > maxLen || at + 8 + len > bytes.length) {
      fail(
        `token ${pieces.length} claims ${len} bytes at offset ${at + 8} (max_token_length ${maxLen}, file ${bytes.length} bytes)`,
      );
    }
    pieces.push(bytes.toString('latin1', at + 8, at + 8 + len));
    scores.push(score);
    at += 8 + len;
  }
  if (pieces.length < 259)
    fail(`expected at least 259 tokens (<unk>, <s>, </s>, 256 bytes), found ${pieces.length}`);
  return new Llama2cTokenizer(pieces, Float32Array.from(scores));
}
