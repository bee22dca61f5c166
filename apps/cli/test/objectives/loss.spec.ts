import { describe, expect, it } from 'vitest';
import { moderateInput, runCli, tempFile } from './runCli';

// Torch float64 reference, printed by: /usr/bin/python3 tools/reference/objectives.py
// (rows of the cases below, pasted as printed).
const torchValues = {
  simpo: {
    loss: 1.252831970822107,
    losses: [1.5672958584108814, 0.9381685462879328, 1.253031507767507],
    chosenRewards: [-5.0, -5.041666666666667, -4.666666666666667],
    rejectedRewards: [-4.666666666666667, -5.6, -4.75],
    gradChosen: [-0.10551886302319399, -0.03381422735088171, -0.158747206553568],
    gradRejected: [0.08793238585266167, 0.040577072821058054, 0.119060404915176],
  },
  dpo: {
    loss: 0.6832747128420499,
    losses: [0.6443966600735709, 0.7844704306630469, 0.6209570477895321],
    chosenRewards: [0.05, -0.07500000000000001, 0.1],
    rejectedRewards: [-0.05, 0.1, -0.05],
    gradChosen: [-0.01583402708403533, -0.018121289574569294, -0.01541900515520835],
    gradRejected: [0.01583402708403533, 0.018121289574569294, 0.01541900515520835],
  },
  'combine dpo*1 + sft*0.5': {
    loss: 1.9270247128420497,
    losses: [1.8943966600735709, 2.0448870973297137, 1.7876237144561988],
    chosenRewards: [0.05, -0.07500000000000001, 0.1],
    rejectedRewards: [-0.05, 0.1, -0.05],
    gradChosen: [-0.04083402708403533, -0.043121289574569295, -0.040419005155208354],
    gradRejected: [0.01583402708403533, 0.018121289574569294, 0.01541900515520835],
  },
  sft: {
    loss: 2.4875,
    losses: [2.5, 2.5208333333333335, 2.3333333333333335],
    chosenRewards: [-2.5, -2.5208333333333335, -2.3333333333333335],
    rejectedRewards: [-2.3333333333333335, -2.8, -2.375],
    gradChosen: [-0.05, -0.05, -0.05],
    gradRejected: [0.0, 0.0, 0.0],
  },
  'ipo beta=0.5': {
    loss: 0.7705844907407408,
    losses: [0.666944444444444, 1.3514062500000001, 0.2934027777777781],
    chosenRewards: [0.050000000000000044, -0.03125, 0.16666666666666652],
    rejectedRewards: [-0.04166666666666674, 0.050000000000000044, -0.0625],
    gradChosen: [-0.10888888888888885, -0.06458333333333334, -0.12037037037037042],
    gradRejected: [0.09074074074074072, 0.0775, 0.09027777777777782],
  },
};

const KEYS = ['loss', 'losses', 'chosenRewards', 'rejectedRewards', 'gradChosen', 'gradRejected'];

function expectReport(stdout: string, want: (typeof torchValues)[keyof typeof torchValues]): void {
  const got = JSON.parse(stdout) as Record<string, number | number[]>;
  expect(Object.keys(got)).toEqual(KEYS);
  for (const key of KEYS) {
    const g = ([] as number[]).concat(got[key] as number[]);
    const w = ([] as number[]).concat((want as Record<string, number | number[]>)[key] as number[]);
    g.forEach((v, i) =>
      expect(Math.abs(v - w[i]), `${key}[${i}] ${v} vs ${w[i]}`).toBeLessThanOrEqual(
        1e-5 * Math.max(Math.abs(w[i]), 1e-3),
      ),
    );
  }
}

describe('prefopt loss', () => {
  const input = tempFile(moderateInput);

  it('prints exactly {loss, losses, chosenRewards, rejectedRewards, gradChosen, gradRejected} matching torch', async () => {
    const r = await runCli([
      'loss',
      '--objective',
      'simpo',
      '--params',
      '{"beta":2,"gamma":1}',
      '--input',
      input,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expectReport(r.stdout, torchValues['simpo']);
    expectReport(
      (await runCli(['loss', '--objective', 'dpo', '--input', input])).stdout,
      torchValues['dpo'],
    );
    expectReport(
      (await runCli(['loss', '--objective', 'sft', '--input', input])).stdout,
      torchValues['sft'],
    );
  });

  it('reads objective options from flags, overriding --params', async () => {
    const r = await runCli([
      'loss',
      '--objective',
      'ipo',
      '--params',
      '{"beta":0.1}',
      '--beta',
      '0.5',
      '--input',
      input,
    ]);
    expect(r.code).toBe(0);
    expectReport(r.stdout, torchValues['ipo beta=0.5']);
  });

  it("evaluates a weighted sum 'dpo+0.5*sft' (combine)", async () => {
    const r = await runCli([
      'loss',
      '--objective',
      'dpo+0.5*sft',
      '--params',
      '{"dpo":{"beta":0.1}}',
      '--input',
      input,
    ]);
    expect(r.stderr).toBe('');
    expectReport(r.stdout, torchValues['combine dpo*1 + sft*0.5']);
  });

  const failing: [string, string[], RegExp][] = [
    [
      'an unknown objective, listing the names',
      ['--objective', 'dpoo', '--input', input],
      /unknown objective 'dpoo'. Available: dpo, ipo, simpo, .*orpo, sft/,
    ],
    [
      'bad --params JSON',
      ['--objective', 'dpo', '--params', '{beta:1}', '--input', input],
      /--params is not valid JSON/,
    ],
    [
      'an out-of-range option',
      ['--objective', 'dpo', '--beta', '0', '--input', input],
      /dpo: option 'beta' must be a finite number > 0, got 0/,
    ],
    [
      'an unknown flag',
      ['--objective', 'simpo', '--gama', '1', '--input', input],
      /unknown flag --gama. Did you mean --gamma\? simpo's options are: --beta, --gamma/,
    ],
    [
      'bad input JSON',
      ['--objective', 'dpo', '--input', tempFile('{"policy": [')],
      /--input .*input.json is not valid JSON/,
    ],
    [
      'a missing field',
      [
        '--objective',
        'simpo',
        '--input',
        tempFile({ policy: moderateInput.policy, lengths: { chosen: [1, 2, 3] } }),
      ],
      /missing field 'lengths.rejected'/,
    ],
    [
      'a missing reference',
      [
        '--objective',
        'dpo',
        '--input',
        tempFile({ policy: moderateInput.policy, lengths: moderateInput.lengths }),
      ],
      /missing field 'reference' \(the objective requires reference log-probs\)/,
    ],
    [
      'a non-number',
      [
        '--objective',
        'sft',
        '--input',
        tempFile({ ...moderateInput, lengths: { chosen: [1, 'x', 1], rejected: [1, 1, 1] } }),
      ],
      /'lengths.chosen\[1\]' is "x", not a finite number/,
    ],
    [
      'mismatched lengths',
      [
        '--objective',
        'sft',
        '--input',
        tempFile({ ...moderateInput, lengths: { chosen: [1, 1], rejected: [1, 1, 1] } }),
      ],
      /'lengths.chosen' has 2 entries but policy.chosen has 3/,
    ],
    [
      'a zero length',
      [
        '--objective',
        'sft',
        '--input',
        tempFile({ ...moderateInput, lengths: { chosen: [1, 0, 1], rejected: [1, 1, 1] } }),
      ],
      /lengths.chosen\[1\] is 0; completion token counts must be > 0/,
    ],
    [
      'a missing file',
      ['--objective', 'sft', '--input', '/nonexistent/f.json'],
      /--input \/nonexistent\/f.json: cannot read/,
    ],
    ['no --objective', ['--input', input], /missing --objective/],
  ];
  for (const [what, argv, message] of failing) {
    it(`exits 2 with one line on ${what}`, async () => {
      const r = await runCli(['loss', ...argv]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});
