import { describe, expect, it } from 'vitest';
import { DASHES, lineStyle, MARKERS, PALETTE } from './lineStyles';

describe('lineStyles', () => {
  it('gives each of the first eight series its own dash pattern, marker and colour', () => {
    const styles = Array.from({ length: 8 }, (_, i) => lineStyle(i));
    expect(new Set(styles.map((s) => s.dash)).size).toBe(8);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(8);
    expect(new Set(styles.map((s) => s.color)).size).toBe(8);
    expect([DASHES.length, MARKERS.length, PALETTE.length]).toEqual([8, 8, 8]);
  });
});
