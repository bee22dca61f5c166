import { describe, expect, it } from 'vitest';
import { BAR_MARGIN, CAP_HALF_WIDTH, svgBarChart, type BarChartSpec } from './svgBarChart';

// Default size 520 × 300, margins left 76, right 12, top 40, bottom 64:
// plot height 300 − 40 − 64 = 196, value axis bottom at y = 236; two bars → slots of
// (520 − 76 − 12) / 2 = 216, centres at x = 76 + 108 = 184 and 76 + 324 = 400.
const spec = (over: Partial<BarChartSpec>): BarChartSpec => ({
  title: 't',
  yLabel: 'y',
  bars: [],
  format: (v) => String(v),
  tickFormat: (v) => String(v),
  scale: 'share',
  ...over,
});

const paths = (svg: string): string[] =>
  [...svg.matchAll(/<path class="interval" d="([^"]+)"/g)].map((m) => m[1]);

describe('svgBarChart', () => {
  it('has the margins the geometry below assumes', () => {
    expect(BAR_MARGIN).toEqual({ left: 76, right: 12, top: 40, bottom: 64 });
    expect(CAP_HALF_WIDTH).toBe(5);
  });

  it('draws a 95% interval as a whisker with caps, at y = 236 − 196·v on a 0…100% axis', () => {
    const svg = svgBarChart(
      spec({
        bars: [
          { label: 'a', value: 0.85, color: '#000', interval: { low: 0.8, high: 0.9 } },
          { label: 'b', value: 0.6, color: '#111' },
        ],
      }),
    );
    // high 0.9 → 236 − 176.4 = 59.6; low 0.8 → 236 − 156.8 = 79.2; caps 184 ± 5
    expect(paths(svg)).toEqual(['M179,59.6H189M184,59.6V79.2M179,79.2H189']);
    // the bar itself: top at 236 − 196·0.85 = 69.4, height 166.6, width min(48, 0.7·216) = 48
    expect(svg).toContain('<rect class="value" x="160" y="69.4" width="48" height="166.6"');
  });

  it('on a log axis draws dots and whiskers at y = 236 − 196·(log10 v − d0)/(d1 − d0)', () => {
    const svg = svgBarChart(
      spec({
        scale: 'log',
        bars: [
          { label: 'simpo', value: 1, color: '#000', interval: { low: 0.1, high: 10 } },
          { label: 'dpo', value: 0.5, color: '#111' },
        ],
      }),
    );
    // decades 10^-1 … 10^1: 10 → 40, 1 → 138, 0.1 → 236; 0.5 → 236 − 98·(log10 0.5 + 1) = 167.5
    expect(paths(svg)).toEqual(['M179,40H189M184,40V236M179,236H189']);
    expect(svg).toContain('<circle class="value" cx="184" cy="138"');
    const cy = 236 - 98 * (Math.log10(0.5) + 1);
    expect(svg).toContain(`<circle class="value" cx="400" cy="${Math.round(cy * 100) / 100}"`);
    expect(svg).toContain('>log scale</text>');
    expect(svg).not.toContain('<rect class="value"');
  });

  it('switches to a symmetric log axis, and says so, when a value is ≤ 0', () => {
    const svg = svgBarChart(
      spec({
        scale: 'log',
        bars: [
          { label: 'a', value: -0.05, color: '#000' },
          { label: 'b', value: 12, color: '#111' },
        ],
      }),
    );
    expect(svg).toContain('symmetric log scale, linear within ±0.01');
  });

  it('draws no whisker without an interval, and n/a for a missing value', () => {
    const svg = svgBarChart(spec({ bars: [{ label: 'a', value: null, color: '#000' }] }));
    expect(paths(svg)).toEqual([]);
    expect(svg).toContain('>n/a</text>');
  });
});
