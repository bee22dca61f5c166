import { afterEach, describe, expect, it } from 'vitest';
import { disabledLevers, leverEnabled, parseLevers } from './levers';

describe('leverEnabled (PREFOPT_LEVERS)', () => {
  const saved = process.env.PREFOPT_LEVERS;
  afterEach(() => {
    if (saved === undefined) delete process.env.PREFOPT_LEVERS;
    else process.env.PREFOPT_LEVERS = saved;
  });

  it('turns every lever on when the variable is unset or empty', () => {
    delete process.env.PREFOPT_LEVERS;
    expect(leverEnabled('flatAdamW')).toBe(true);
    process.env.PREFOPT_LEVERS = '';
    expect(leverEnabled('flatAdamW')).toBe(true);
  });

  it('turns off only the named levers, case- and space-insensitively', () => {
    process.env.PREFOPT_LEVERS = ' flatAdamW , prefixSharing';
    expect(leverEnabled('flatadamw')).toBe(false);
    expect(leverEnabled('prefixSharing')).toBe(false);
    expect(leverEnabled('fusedLogProbs')).toBe(true);
  });

  it('turns every lever off for `none`', () => {
    process.env.PREFOPT_LEVERS = 'none';
    expect(leverEnabled('flatAdamW')).toBe(false);
    expect(leverEnabled('anything')).toBe(false);
    expect(disabledLevers()).toBe('all');
  });

  it('follows changes of the variable within one process', () => {
    process.env.PREFOPT_LEVERS = 'a';
    expect(leverEnabled('a')).toBe(false);
    process.env.PREFOPT_LEVERS = 'b';
    expect(leverEnabled('a')).toBe(true);
    expect(leverEnabled('b')).toBe(false);
  });

  it('parses lists without empty names', () => {
    expect([...(parseLevers('a,,B,') as Set<string>)]).toEqual(['a', 'b']);
    expect(parseLevers(undefined)).toEqual(new Set());
  });
});
