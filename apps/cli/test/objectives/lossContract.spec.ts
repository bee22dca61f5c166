import { expectNear, trlObjectives } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './runCli';

// TRL 1.13's own loss code on fixed inputs (tools/reference/trl_objectives.py writes the fixture).
const fx = trlObjectives();
const half = (rows: number[][]) => ({
  chosen: rows.slice(0, rows.length / 2),
  rejected: rows.slice(rows.length / 2),
});
const pairedInput = {
  tokens: {
    policy: half(fx.paired.policyTokens),
    reference: half(fx.paired.referenceTokens),
    completionMask: half(fx.paired.completionMask),
    sequenceMask: half(fx.paired.sequenceMask),
    logSquaredMass: half(fx.paired.logSquaredMass),
  },
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('prefopt loss, objective contract v2', () => {
  for (const name of ['wpo', 'ld-dpo', 'f-dpo', 'orpo', 'aot']) {
    it(`${name} from per-token JSON equals TRL (loss, reward means, d loss/d tokens)`, async () => {
      const input = tempFile(pairedInput);
      for (const c of fx.cases.filter((x) => x.objective === name)) {
        const r = await runCli([
          'loss',
          '--objective',
          name,
          '--params',
          JSON.stringify(c.options),
          '--input',
          input,
        ]);
        expect(r.code, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout) as {
          loss: number;
          chosenRewards: number[];
          rejectedRewards: number[];
          gradTokens: { chosen: number[][]; rejected: number[][] };
        };
        expectNear(out.loss, c.loss!, `${c.case} loss`);
        expectNear(mean(out.chosenRewards), c.rewardsChosenMean!, `${c.case} rewards/chosen`);
        expectNear(mean(out.rejectedRewards), c.rewardsRejectedMean!, `${c.case} rewards/rejected`);
        const grads = [...out.gradTokens.chosen, ...out.gradTokens.rejected];
        c.gradTokens?.forEach((row, i) =>
          row.forEach((g, t) => {
            if (fx.paired.completionMask[i][t] === 1)
              expectNear(grads[i][t], g, `${c.case} gradTokens[${i}][${t}]`);
          }),
        );
      }
    });
  }

  it('kto and bco from unpaired JSON equal TRL; bco carries a given state', async () => {
    const u = fx.unpaired;
    const base = {
      policy: u.policy,
      reference: u.reference,
      labels: u.labels,
      kl: { policy: u.klPolicy, reference: u.klReference },
    };
    const kto = fx.cases.find((c) => c.objective === 'kto')!;
    const r = await runCli(['loss', '--objective', 'kto', '--input', tempFile(base)]);
    expect(r.code, r.stderr).toBe(0);
    const k = JSON.parse(r.stdout) as { loss: number; kl: number; gradPolicy: number[] };
    expectNear(k.loss, kto.loss!, 'kto loss');
    expectNear(k.kl, kto.kl!, 'kto kl');
    k.gradPolicy.forEach((g, i) => expectNear(g, kto.gradPolicy![i], `kto gradPolicy[${i}]`));

    const bco = fx.cases.find((c) => c.objective === 'bco' && c.options.beta === 0.1)!;
    const [s1, s2] = bco.steps!;
    const b1 = JSON.parse(
      (
        await runCli([
          'loss',
          '--objective',
          'bco',
          '--input',
          tempFile({ ...base, policy: s1.policy }),
        ])
      ).stdout,
    ) as { loss: number; state: Record<string, number> };
    expectNear(b1.loss, s1.loss, 'bco step 1 loss');
    const b2 = JSON.parse(
      (
        await runCli([
          'loss',
          '--objective',
          'bco',
          '--input',
          tempFile({ ...base, policy: s2.policy, state: b1.state }),
        ])
      ).stdout,
    ) as { loss: number; state: Record<string, number>; gradPolicy: number[] };
    expectNear(b2.loss, s2.loss, 'bco step 2 loss');
    expectNear(b2.state.mean, s2.state.mean, 'bco step 2 running mean');
    b2.gradPolicy.forEach((g, i) => expectNear(g, s2.gradPolicy[i], `bco step 2 gradPolicy[${i}]`));
  });

  it('names the missing per-token input for a per-token objective given sums only (exit 2)', async () => {
    const input = tempFile({
      policy: { chosen: [-1], rejected: [-2] },
      reference: { chosen: [-1], rejected: [-2] },
      lengths: { chosen: [1], rejected: [1] },
    });
    const r = await runCli(['loss', '--objective', 'ld-dpo', '--input', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ld-dpo' needs per-token inputs: add "tokens"/);
  });
});
