/**
 * Per-series line styles, so runs whose curves overlap stay apart without colour: each
 * series gets its own colour, dash pattern and marker shape (index modulo the lists).
 */
export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
] as const;

/** SVG stroke-dasharray values ('' = solid). */
export const DASHES = [
  '',
  '7 3',
  '2 2',
  '9 3 2 3',
  '4 4',
  '1 3',
  '12 3 3 3 3 3',
  '5 2 1 2',
] as const;

export type MarkerShape =
  'circle' | 'square' | 'triangle' | 'diamond' | 'down' | 'cross' | 'plus' | 'star';
export const MARKERS: readonly MarkerShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'down',
  'cross',
  'plus',
  'star',
];

export interface LineStyle {
  color: string;
  dash: string;
  marker: MarkerShape;
}

/** The style of the i-th series. */
export function lineStyle(i: number): LineStyle {
  return {
    color: PALETTE[i % PALETTE.length],
    dash: DASHES[i % DASHES.length],
    marker: MARKERS[i % MARKERS.length],
  };
}

const f = (v: number): string => String(Math.round(v * 100) / 100);

/** A marker of half-size `r` centred at (x, y), as one SVG element. */
export function markerSvg(
  shape: MarkerShape,
  x: number,
  y: number,
  color: string,
  r = 3.5,
): string {
  const stroke = `stroke="${color}" stroke-width="1.4"`;
  const poly = (pts: [number, number][]): string =>
    `<polygon points="${pts.map(([dx, dy]) => `${f(x + dx)},${f(y + dy)}`).join(' ')}" fill="${color}"/>`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${r}" fill="${color}"/>`;
    case 'square':
      return `<rect x="${f(x - r)}" y="${f(y - r)}" width="${2 * r}" height="${2 * r}" fill="${color}"/>`;
    case 'triangle':
      return poly([
        [0, -r * 1.2],
        [r * 1.1, r * 0.8],
        [-r * 1.1, r * 0.8],
      ]);
    case 'down':
      return poly([
        [0, r * 1.2],
        [r * 1.1, -r * 0.8],
        [-r * 1.1, -r * 0.8],
      ]);
    case 'diamond':
      return poly([
        [0, -r * 1.3],
        [r * 1.1, 0],
        [0, r * 1.3],
        [-r * 1.1, 0],
      ]);
    case 'cross':
      return `<path d="M${f(x - r)},${f(y - r)}L${f(x + r)},${f(y + r)}M${f(x - r)},${f(y + r)}L${f(x + r)},${f(y - r)}" ${stroke} fill="none"/>`;
    case 'plus':
      return `<path d="M${f(x - r)},${f(y)}H${f(x + r)}M${f(x)},${f(y - r)}V${f(y + r)}" ${stroke} fill="none"/>`;
    case 'star': {
      const pts: [number, number][] = [];
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        const rr = k % 2 === 0 ? r * 1.3 : r * 0.55;
        pts.push([rr * Math.cos(a), rr * Math.sin(a)]);
      }
      return poly(pts);
    }
  }
}
