import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from './nearestName';

describe('nearestName', () => {
  it('counts edits as Levenshtein does (kitten → sitting: 2 substitutions + 1 insertion)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('dpo', 'dpo')).toBe(0);
  });

  it('gives the closest candidate within the typo limit, ignoring case, else nothing', () => {
    expect(nearestName('simop', ['dpo', 'simpo', 'ipo'])).toBe('simpo'); // 2 edits
    expect(nearestName('TANH-MARGN', ['tanh-margin'])).toBe('tanh-margin');
    expect(nearestName('tpu', ['node-gpu', 'webgpu', 'cpu'])).toBe('cpu'); // 1 edit
    expect(nearestName('reward-model', ['contains-word', 'regex'])).toBeUndefined();
  });
});
