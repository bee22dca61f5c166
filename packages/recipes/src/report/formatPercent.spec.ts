import { describe, expect, it } from 'vitest';
import { formatPercent } from './formatPercent';

describe('formatPercent', () => {
  it('keeps one decimal where that does not reach an edge', () => {
    // 0.995 is 99.49999999999999 in binary; one decimal is 99.5, not 100
    expect(formatPercent(0.995)).toBe('99.5%');
    expect(formatPercent(0.845)).toBe('84.5%');
    expect(formatPercent(0.5)).toBe('50.0%');
  });

  it('adds decimals rather than round a non-exact value to 100% or 0%', () => {
    expect(formatPercent(0.9996)).toBe('99.96%'); // 99.96 → "100.0" with one decimal
    expect(formatPercent(0.99996)).toBe('99.996%');
    expect(formatPercent(0.0004)).toBe('0.04%');
    expect(formatPercent(-0.0004)).toBe('-0.04%');
    expect(formatPercent(1 - 1e-12)).toBe('<100%');
  });

  it('says 100% and 0% only when exactly so', () => {
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.9996, '')).toBe('99.96');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
