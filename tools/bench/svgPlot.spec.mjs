// Geometry of the bench tools' SVG writer, against positions worked out by hand.
import { describe, expect, it } from 'vitest';
import { figureSvg, niceDomain, panelFrame, scale, ticks } from './svgPlot.mjs';
import { paramCount, POINTS } from './scaleCurves.mjs';

describe('svgPlot geometry', () => {
  it('maps linear and log10 domains onto pixel ranges', () => {
    // linear y, flipped: 272 + (250 / 1000) · (32 − 272) = 212
    expect(scale([0, 1000], [272, 32])(250)).toBeCloseTo(212, 10);
    // log x: 64 + (log10 100 − log10 10) / (log10 1000 − log10 10) · 340 = 64 + 170 = 234
    expect(scale([10, 1000], [64, 404], true)(100)).toBeCloseTo(234, 10);
    expect(scale([10, 1000], [64, 404], true)(10)).toBeCloseTo(64, 10);
    expect(scale([10, 1000], [64, 404], true)(1000)).toBeCloseTo(404, 10);
  });

  it('picks 1/2/5 linear ticks and decade (or 1-1.5-2-3-5-7) log ticks', () => {
    // range 1000: step 100 gives 11 ticks (> 7), 200 gives 6
    expect(ticks(0, 1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    // one decade: the finer multiples
    expect(ticks(100, 1000, true)).toEqual([100, 150, 200, 300, 500, 700, 1000]);
    // two decades: 1, 2, 5 per decade; three: powers of ten only
    expect(ticks(1e6, 1e8, true)).toEqual([1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8]);
    expect(ticks(1e5, 1e8, true)).toEqual([1e5, 1e6, 1e7, 1e8]);
  });

  it('pads domains to 1/2/5 values', () => {
    // log: 3.3M → down to 2M, 110M → up to 200M
    expect(niceDomain([3.3e6, 110e6], true)).toEqual([2e6, 2e8]);
    expect(niceDomain([128, 1024], true)).toEqual([100, 2000]);
    // linear: from 0 to the 200-step above 893 (ticks(0, 893) step 200)
    expect(niceDomain([390, 893])).toEqual([0, 1000]);
  });

  it('places panel frames side by side inside the margins', () => {
    // panel 1 of 420 × 320: x0 = 420 + 64, x1 = 840 − 16, y0 = 32, y1 = 320 − 48
    expect(panelFrame(1, 420, 320)).toEqual({ x0: 484, y0: 32, x1: 824, y1: 272 });
  });

  it('draws the series where the hand-computed positions say', () => {
    const svg = figureSvg({
      panels: [
        {
          title: 'step',
          xLabel: 'sequence length',
          yLabel: 'CPU ms',
          xLog: true,
          series: [
            {
              name: 'a',
              color: '#000',
              dash: '6 4',
              marker: 'square',
              points: [
                [128, 400],
                [1024, 800],
                [0, 5],
              ],
            },
          ],
        },
      ],
    });
    // x domain [100, 2000] on [64, 404]: 64 + log10(1.28) / log10(20) · 340 = 92.0,
    //   64 + log10(10.24) / log10(20) · 340 = 328.0; y domain [0, 800] on [272, 32]: 152, 32.
    // The point at x = 0 cannot sit on a log axis and is left out.
    expect(svg).toContain(
      '<polyline points="92,152 328,32" fill="none" stroke="#000" stroke-width="2" stroke-dasharray="6 4"/>',
    );
    // square markers of side 8 centred on the points (plus one in the legend)
    expect(svg).toContain('<rect x="88" y="148" width="8" height="8" fill="#000"/>');
    expect(svg).toContain('<rect x="324" y="28" width="8" height="8" fill="#000"/>');
    expect(svg.match(/<rect x="\d[^"]*" y="[^"]*" width="8"/g)).toHaveLength(3);
    expect(svg).toContain('width="420" height="320" viewBox="0 0 420 320"');
    expect(svg).toContain('sequence length (log scale)');
    expect(svg.startsWith('<?xml')).toBe(true);
  });

  it('escapes text', () => {
    const svg = figureSvg({
      panels: [{ title: 'a<b & "c"', xLabel: 'x', yLabel: 'y', series: [] }],
    });
    expect(svg).toContain('a&lt;b &amp; &quot;c&quot;');
    expect(svg).toContain('no data');
  });
});

describe('scaleCurves points', () => {
  it('counts the parameters torch counts (tied head)', () => {
    const ref = POINTS.find((p) => p.id === 'seq256').model;
    // 512·256 + 4·(4·256² + 3·256·688 + 2·256) + 256
    expect(paramCount(ref)).toBe(3_295_488);
    const m110 = POINTS.find((p) => p.id === 'm110').model;
    // 32000·768 + 12·(4·768² + 3·768·2048 + 2·768) + 768
    expect(paramCount(m110)).toBe(109_529_856);
  });
});
