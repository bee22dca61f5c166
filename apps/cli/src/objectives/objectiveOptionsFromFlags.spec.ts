import { PrefoptError } from '@prefopt/core';
import { simpo } from '@prefopt/objective-simpo';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args/parseArgs';
import { objectiveOptionsFromFlags } from './objectiveOptionsFromFlags';

const args = (...argv: string[]) => parseArgs(argv);

describe('objectiveOptionsFromFlags', () => {
  it('converts flags by the option specs (number, boolean, enum)', () => {
    const o = objectiveOptionsFromFlags(
      simpo,
      args(
        '--beta',
        '2',
        '--gamma-beta-ratio',
        '0.5',
        '--length-normalize',
        'false',
        '--loss-type',
        'hinge',
      ),
    );
    expect(o).toEqual({ beta: 2, gammaBetaRatio: 0.5, lengthNormalize: false, lossType: 'hinge' });
    expect(simpo(o).options).toMatchObject({
      beta: 2,
      gammaBetaRatio: 0.5,
      lengthNormalize: false,
    });
    expect(objectiveOptionsFromFlags(simpo, args('--length-normalize'))).toEqual({
      lengthNormalize: true,
    });
  });

  it('layers config < --params < flags', () => {
    const o = objectiveOptionsFromFlags(
      simpo,
      args('--params', '{"beta":3,"gamma":0.2}', '--gamma', '0.7'),
      { beta: 1, labelSmoothing: 0.1 },
    );
    expect(o).toEqual({ beta: 3, gamma: 0.7, labelSmoothing: 0.1 });
  });

  it('ignores other flags unless the verb names its own', () => {
    expect(objectiveOptionsFromFlags(simpo, args('--model', 'm.bin', '--beta', '2'))).toEqual({
      beta: 2,
    });
    expect(() =>
      objectiveOptionsFromFlags(simpo, args('--modle', 'm.bin'), {}, new Set(['model'])),
    ).toThrow(
      /unknown flag --modle. Did you mean --model\? simpo's options are: --beta, --gamma, --gamma-beta-ratio/,
    );
  });

  it('names the flag on values it cannot convert', () => {
    expect(() => objectiveOptionsFromFlags(simpo, args('--beta', 'two'))).toThrow(
      /--beta \(simpo\) must be a number, got 'two'/,
    );
    expect(() => objectiveOptionsFromFlags(simpo, args('--length-normalize', 'no'))).toThrow(
      /--length-normalize \(simpo\) must be true or false, got 'no'/,
    );
    expect(() => objectiveOptionsFromFlags(simpo, args('--params', '[1]'))).toThrow(
      /--params must be a JSON object/,
    );
    try {
      objectiveOptionsFromFlags(simpo, args('--params', '{'));
    } catch (e) {
      expect(PrefoptError.is(e, 'config')).toBe(true);
    }
  });
});
