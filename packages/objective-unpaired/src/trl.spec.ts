import { describeUnpairedObjective } from '@prefopt/testing';
import { bco } from './bco';
import { kto } from './kto';

// TRL 1.13's KTOTrainer._compute_loss and BCOTrainer.bco_loss (two steps, running δ) on fixed
// inputs: packages/testing/fixtures/trl-objectives.json, written by tools/reference/trl_objectives.py.
describeUnpairedObjective(kto);
describeUnpairedObjective(bco);
