import { PrefoptError } from '@prefopt/core';
import { createRng, type Rng } from './createRng';

/** One preference pair as text, TRL's standard format (what `prefopt pairs` writes, too). */
export interface TextPair {
  prompt: string;
  chosen: string;
  rejected: string;
}

export interface BiggerNumberTaskOptions {
  seed: number;
  trainPairs: number;
  heldoutPairs: number;
  /** Numbers per prompt, drawn uniformly in [minNumbers, maxNumbers]. */
  minNumbers?: number;
  maxNumbers?: number;
  /** Digits per number: 1 (0–9, what a tiny model learns in minutes) or 2 (10–99, harder). */
  digits?: 1 | 2;
  /**
   * Weights of 0, 1, 2, 3 filler sentences after the answer. Chosen responses get more
   * on average than rejected ones: the length bias of real preference data (UltraFeedback's
   * chosen responses are longer on average), which the true rule ignores.
   */
  chosenFillerWeights?: readonly number[];
  rejectedFillerWeights?: readonly number[];
  /**
   * The rejected response's number: 'other' (any other number of the prompt) or
   * 'first-listed' (the first number of the prompt where it is not the biggest, else
   * another): a systematic mistake, as real rejected responses share typical flaws.
   */
  rejectedAnswer?: 'other' | 'first-listed';
}

export interface BiggerNumberTask {
  train: TextPair[];
  heldout: TextPair[];
}

/** Filler sentences: neither right nor wrong, they only add length. */
export const FILLERS = [
  ' Easy.',
  ' Sure.',
  ' Yes.',
  ' I think so.',
  ' Good one.',
  ' Done.',
  ' Fun.',
  ' Nice one.',
] as const;

const DEFAULTS = {
  digits: 1 as 1 | 2,
  minNumbers: 2,
  maxNumbers: 3,
  chosenFillerWeights: [0.15, 0.3, 0.3, 0.25], // mean 1.65 sentences
  rejectedFillerWeights: [0.4, 0.3, 0.2, 0.1], // mean 1.0 sentence
  rejectedAnswer: 'other' as 'other' | 'first-listed',
};

/**
 * The demo's embedded preference task, drawn from a seed (no downloads): the prompt lists
 * distinct numbers, `Max 3 7 1?` (or `Max 37 52 18?` with digits 2); the chosen response
 * names the biggest (` 7.`), the rejected one another number from the prompt, each followed
 * by filler sentences. The true rule (`checkBiggerNumber`) is checkable on any generated text.
 * Held-out prompts never occur in the train split.
 */
export function biggerNumberTask(options: BiggerNumberTaskOptions): BiggerNumberTask {
  const o = { ...DEFAULTS, ...options };
  for (const key of ['trainPairs', 'heldoutPairs', 'minNumbers', 'maxNumbers'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 0) {
      throw new PrefoptError(
        'config',
        `bigger-number task: ${key} must be an integer >= 0, got ${o[key]}.`,
      );
    }
  }
  if (o.digits !== 1 && o.digits !== 2) {
    throw new PrefoptError('config', `bigger-number task: digits must be 1 or 2, got ${o.digits}.`);
  }
  if (o.minNumbers < 2 || o.maxNumbers < o.minNumbers || o.maxNumbers > 6) {
    throw new PrefoptError(
      'config',
      `bigger-number task: need 2 <= minNumbers <= maxNumbers <= 6, got ${o.minNumbers}..${o.maxNumbers}.`,
    );
  }
  const rng = createRng(o.seed);
  const heldoutPrompts = new Set<string>();
  const drawPair = (accept: (prompt: string) => boolean): TextPair => {
    for (let tries = 0; tries < 10_000; tries++) {
      const numbers = distinctNumbers(rng, rng.int(o.minNumbers, o.maxNumbers), o.digits);
      const prompt = `Max ${numbers.join(' ')}?`;
      if (!accept(prompt)) continue;
      const best = Math.max(...numbers);
      const others = numbers.filter((n) => n !== best);
      const wrong =
        o.rejectedAnswer === 'first-listed' && numbers[0] !== best ? numbers[0] : rng.pick(others);
      return {
        prompt,
        chosen: ` ${best}.${fillers(rng, o.chosenFillerWeights)}`,
        rejected: ` ${wrong}.${fillers(rng, o.rejectedFillerWeights)}`,
      };
    }
    throw new PrefoptError(
      'config',
      `bigger-number task: cannot draw ${o.heldoutPairs} distinct held-out prompts and still leave prompts to train on; ask for fewer held-out pairs or use digits 2.`,
    );
  };
  // Held-out prompts first, all distinct; train pairs never use one (a train prompt may repeat,
  // with other fillers and another wrong answer, as real data repeats prompts).
  const heldout: TextPair[] = [];
  while (heldout.length < o.heldoutPairs) {
    const pair = drawPair((p) => !heldoutPrompts.has(p));
    heldoutPrompts.add(pair.prompt);
    heldout.push(pair);
  }
  const train: TextPair[] = [];
  while (train.length < o.trainPairs) train.push(drawPair((p) => !heldoutPrompts.has(p)));
  return { train, heldout };
}

function distinctNumbers(rng: Rng, count: number, digits: 1 | 2): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const n = digits === 1 ? rng.int(0, 9) : rng.int(10, 99);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

function fillers(rng: Rng, weights: readonly number[]): string {
  const k = rng.weighted(weights);
  let text = '';
  for (let i = 0; i < k; i++) text += rng.pick(FILLERS);
  return text;
}
