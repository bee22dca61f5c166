import { describe, expect, it } from 'vitest';
import { lineStyle } from './lineStyles';
import { svgLineChart } from './svgLineChart';

describe('svgLineChart', () => {
  // 520 × 300, one legend row: margins left 60, right 12, top 40, bottom 46 + 14 = 60 →
  // plot 448 × 200; x 0 … 10 → px = 60 + 44.8·x. The values −1 … 2 padded by 5% of 3 on
  // each side → domain [−1.15, 2.15], py = 240 − 200·(y + 1.15) / 3.3.
  const chart = svgLineChart({
    title: 'curves',
    xLabel: 'optimiser step',
    yLabel: 'margin',
    series: [
      {
        name: 'simpo',
        style: lineStyle(0),
        points: [
          [0, 0],
          [10, 1],
        ],
        band: [
          [0, -1, 1],
          [10, 0, 2],
        ],
      },
      {
        name: 'dpo',
        style: lineStyle(1),
        points: [
          [0, 0],
          [10, 1],
        ],
      },
    ],
  });

  it('shades a band from its upper edge forward and its lower edge back', () => {
    // py(1) = 109.7, py(2) = 49.1, py(0) = 170.3, py(−1) = 230.9
    expect(chart).toContain(
      '<polygon class="band" points="60.0,109.7 508.0,49.1 508.0,170.3 60.0,230.9"',
    );
    expect(chart.match(/class="band"/g)).toHaveLength(1); // dpo has none
  });

  it('draws identical curves with different dash patterns and markers', () => {
    const [a, b] = chart.split('<g class="series"').slice(1);
    expect(/points="([^"]+)"/.exec(a)?.[1]).toBe('60.0,170.3 508.0,109.7');
    expect(/points="([^"]+)"/.exec(b)?.[1]).toBe('60.0,170.3 508.0,109.7');
    expect(a).not.toContain('stroke-dasharray'); // series 0: solid
    expect(b).toContain('stroke-dasharray="7 3"');
    expect(a).toContain('<circle');
    expect(b).toContain('<rect');
  });

  it('labels both axes and titles the chart', () => {
    expect(chart).toContain('>optimiser step</text>');
    expect(chart).toContain('rotate(-90)" text-anchor="middle" font-size="11">margin</text>');
    expect(chart).toContain('<title>curves</title>');
  });
});
