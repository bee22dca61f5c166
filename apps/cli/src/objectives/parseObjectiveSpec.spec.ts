import { describe, expect, it } from 'vitest';
import { parseObjectiveSpec } from './parseObjectiveSpec';

describe('parseObjectiveSpec', () => {
  it('reads one name or a weighted sum', () => {
    expect(parseObjectiveSpec('simpo')).toEqual([{ name: 'simpo', weight: 1 }]);
    expect(parseObjectiveSpec('dpo+0.05*sft')).toEqual([
      { name: 'dpo', weight: 1 },
      { name: 'sft', weight: 0.05 },
    ]);
    expect(parseObjectiveSpec('ipo*2 + sft*0.5')).toEqual([
      { name: 'ipo', weight: 2 },
      { name: 'sft', weight: 0.5 },
    ]);
  });

  it('rejects terms it cannot read, naming them', () => {
    expect(() => parseObjectiveSpec('dpo+-1*sft')).toThrow(/cannot read '-1\*sft'/);
    expect(() => parseObjectiveSpec('dpo*sft')).toThrow(/cannot read 'dpo\*sft'/);
    expect(() => parseObjectiveSpec('DPO')).toThrow(/cannot read 'DPO'/);
  });
});
