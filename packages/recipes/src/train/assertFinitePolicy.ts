import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError, type CausalLM } from '@prefopt/core';
import { firstNonFiniteVariable, namedVariables } from '@prefopt/trainer';

/** A resumed checkpoint's weights must be finite: else one line naming its file and tensor. */
export async function assertFinitePolicy(policy: CausalLM, ckptDir: string): Promise<void> {
  const bad = await firstNonFiniteVariable(namedVariables(policy));
  if (!bad) return;
  const st = join(ckptDir, 'model.safetensors');
  throw new PrefoptError(
    'checkpoint',
    `${existsSync(st) ? st : ckptDir}: weight ${bad} holds NaN or Infinity; this checkpoint cannot be resumed. Resume from an earlier checkpoint-N.`,
  );
}
