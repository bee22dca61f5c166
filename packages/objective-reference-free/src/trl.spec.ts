import { describeTokenObjective, trlObjectives } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { orpo } from './orpo';

// TRL 1.13's ORPOTrainer.get_batch_loss_metrics on fixed logits (NLL over the chosen rows'
// prompt + completion): packages/testing/fixtures/trl-objectives.json, written by
// tools/reference/trl_objectives.py. orpo's default (nll 'sequence') is TRL's form.
describeTokenObjective(orpo);

describe('orpo nll option', () => {
  it("'completion' differs from TRL's sequence NLL on the fixture (prompt tokens excluded)", () => {
    const c = trlObjectives().cases.find((x) => x.objective === 'orpo')!;
    expect(c.nll).toBeGreaterThan(0);
    expect(orpo().needs?.tokenLogps).toBe(true);
    expect(orpo({ nll: 'completion' }).needs).toBeUndefined();
  });
});
