import { PrefoptError } from '@prefopt/core';

const MASK64 = (1n << 64n) - 1n;

/**
 * llama2.c's sampler RNG (xorshift64*, `random_u32` / `random_f32` in run.c), so a seed
 * gives the same coin flips llama2.c gives for it. Seeds are positive integers.
 */
export class XorshiftRng {
  private state: bigint;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 1) {
      throw new PrefoptError('config', `seed must be a positive integer, got ${seed}.`);
    }
    this.state = BigInt(seed);
  }

  /** Next 32 random bits. */
  nextU32(): number {
    let s = this.state;
    s ^= s >> 12n;
    s = (s ^ (s << 25n)) & MASK64;
    s ^= s >> 27n;
    this.state = s;
    return Number(((s * 0x2545f4914f6cdd1dn) & MASK64) >> 32n);
  }

  /** Uniform in [0, 1) with 24 bits, as llama2.c's `random_f32`. */
  nextFloat(): number {
    return (this.nextU32() >>> 8) / 16777216;
  }
}
