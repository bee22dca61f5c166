import { describe, expect, it } from 'vitest';
import { sampleToken } from './sampleToken';
import { XorshiftRng } from './XorshiftRng';

const coin = (value: number) => ({ nextFloat: () => value });
// logits = ln p with p = [0.5, 0.3, 0.2]: at temperature 1 the softmax gives p back.
const LOGITS = Float32Array.from([0.5, 0.3, 0.2].map(Math.log));

describe('sampleToken', () => {
  it('temperature 0 is argmax (first index on ties)', () => {
    expect(
      sampleToken(Float32Array.from([1, 3, 3, 2]), { temperature: 0, topP: 1 }, coin(0.9)),
    ).toBe(1);
  });

  it('full softmax: coin 0.49 → 0, 0.51 → 1 (cdf 0.5, 0.8), 0.81 → 2', () => {
    const opts = { temperature: 1, topP: 1 };
    expect([0.49, 0.51, 0.81].map((c) => sampleToken(LOGITS, opts, coin(c)))).toEqual([0, 1, 2]);
  });

  it('top-p 0.7 keeps {0, 1} (mass 0.8 > 0.7): coin 0.62 → 0 (0.62·0.8 < 0.5), 0.99 → 1, never 2', () => {
    const opts = { temperature: 1, topP: 0.7 };
    expect([0.62, 0.63, 0.99].map((c) => sampleToken(LOGITS, opts, coin(c)))).toEqual([0, 1, 1]);
  });
});

describe('XorshiftRng', () => {
  it('matches llama2.c’s random_u32 / random_f32 for seed 42', () => {
    // python3 -c 'M=(1<<64)-1; s=42
    // def u32():
    //     global s; s^=s>>12; s=(s^(s<<25))&M; s^=s>>27; return ((s*0x2545F4914F6CDD1D)&M)>>32
    // print([u32() for _ in range(3)], [(u32()>>8)/16777216.0 for _ in range(2)])'
    const rng = new XorshiftRng(42);
    expect([rng.nextU32(), rng.nextU32(), rng.nextU32()]).toEqual([
      1456360119, 3359763283, 3393612768,
    ]);
    expect([rng.nextFloat(), rng.nextFloat()]).toEqual([0.9440426230430603, 0.7643936276435852]);
  });

  it('rejects seeds llama2.c would replace by the clock', () => {
    expect(() => new XorshiftRng(0)).toThrowError(/seed must be a positive integer, got 0/);
  });
});
