import type { Tokenizer } from '@prefopt/core';
import { addsBos } from '@prefopt/data';
import { generate, type LlamaModel } from '@prefopt/model';

export interface SampleSettings {
  k: number;
  maxNewTokens: number;
  temperature: number;
  topP: number;
  /** Sample j of prompt i uses seed `seed + i·k + j`: every sample is reproducible on its own. */
  seed: number;
}

/** A `buildPairs` sampler: k continuations of a prompt from `model` (EOS dropped from the text). */
export function sampleResponses(
  model: LlamaModel,
  tokenizer: Tokenizer,
  s: SampleSettings,
): (prompt: string, index: number) => Promise<string[]> {
  return async (prompt, index) => {
    const ids = tokenizer.encode(prompt, { bos: addsBos(tokenizer) }); // BOS as training puts it
    const out: string[] = [];
    for (let j = 0; j < s.k; j++) {
      const fresh = await generate(model, ids, {
        maxNewTokens: s.maxNewTokens,
        temperature: s.temperature,
        topP: s.topP,
        seed: s.seed + index * s.k + j,
        eosId: tokenizer.eosId,
      });
      out.push(tokenizer.decode(fresh.filter((id) => id !== tokenizer.eosId)));
    }
    return out;
  };
}
