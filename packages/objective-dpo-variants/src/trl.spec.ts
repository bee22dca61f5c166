import { describeTokenObjective } from '@prefopt/testing';
import { aot } from './aot';
import { aotUnpaired } from './aotUnpaired';
import { bcoPair } from './bcoPair';
import { fDpo } from './fDpo';
import { ldDpo } from './ldDpo';
import { wpo } from './wpo';

// TRL 1.13's own DPOTrainer._compute_loss on fixed logits: packages/testing/fixtures/trl-objectives.json,
// written by tools/reference/trl_objectives.py.
for (const factory of [aot, aotUnpaired, fDpo, wpo, ldDpo, bcoPair])
  describeTokenObjective(factory);
