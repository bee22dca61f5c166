import { autoLogScale, linearScale, type AxisScale } from './axisScale';
import { escapeXml } from './escapeXml';
import { markerSvg, type LineStyle } from './lineStyles';
import { niceTicks } from './niceTicks';

export interface LineSeries {
  name: string;
  /** Colour, dash pattern and marker: distinct per series, so overlapping runs stay apart. */
  style: LineStyle;
  points: readonly (readonly [number, number])[]; // [x, y]
  /** A shaded band (e.g. the range over seeds): [x, low, high]. */
  band?: readonly (readonly [number, number, number])[];
}

export interface LineChartSpec {
  title: string;
  xLabel: string;
  /** The value axis's label, with its unit. */
  yLabel: string;
  series: readonly LineSeries[];
  /** 'log': log10 when every value is positive, symlog otherwise (a note says which). */
  scale?: 'linear' | 'log';
  width?: number;
  height?: number;
}

/** Markers per series, staggered between series so that overlapping curves show each. */
export const MARKERS_PER_SERIES = 6;

const r1 = (v: number): string => v.toFixed(1);

/**
 * A self-contained SVG line chart with axes, ticks and a legend (no scripts, no fonts to
 * fetch); each series has its own dash pattern and marker shape as well as its colour.
 */
export function svgLineChart(spec: LineChartSpec): string {
  const W = spec.width ?? 520;
  const H = spec.height ?? 300;
  // Legend: 4 columns of short names, fewer for long ones (grid cells); cut to fit.
  const longest = Math.max(0, ...spec.series.map((s) => s.name.length));
  const legendCols = longest <= 14 ? 4 : longest <= 24 ? 3 : 2;
  const legendRows = Math.ceil(spec.series.length / legendCols);
  const m = { left: 60, right: 12, top: 40, bottom: 46 + 14 * legendRows };
  const finite = spec.series.map((s) =>
    s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)),
  );
  const bands = spec.series.map((s) =>
    (s.band ?? []).filter((b) => b.every((v) => Number.isFinite(v))),
  );
  const pts = [
    ...finite.flat(),
    ...bands.flat().flatMap(([x, lo, hi]): [number, number][] => [
      [x, lo],
      [x, hi],
    ]),
  ];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  let [x0, x1] = pts.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  if (x1 === x0) [x0, x1] = [x0 - 1, x1 + 1];
  const scale: AxisScale =
    spec.scale === 'log' ? autoLogScale(ys, 3) : paddedLinear(ys.length ? ys : [0, 1]);
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const px = (x: number): number => m.left + ((x - x0) / (x1 - x0)) * plotW;
  const py = (y: number): number => H - m.bottom - scale.position(y) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(spec.title)}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(spec.title)}</text>`,
    `<rect x="${m.left}" y="${m.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
  ];
  if (scale.note) {
    parts.push(
      `<text class="scale-note" x="${W / 2}" y="29" text-anchor="middle" font-size="10" fill="#555">${escapeXml(scale.note)}</text>`,
    );
  }
  for (const t of scale.ticks) {
    parts.push(
      `<line class="tick" data-value="${t}" x1="${m.left}" x2="${W - m.right}" y1="${r1(py(t))}" y2="${r1(py(t))}" stroke="#eee"/>`,
      `<text x="${m.left - 4}" y="${r1(py(t) + 4)}" text-anchor="end" font-size="10">${fmtTick(t)}</text>`,
    );
  }
  const integerX = xs.every((x) => Number.isInteger(x)); // steps: no tick at 1.2
  for (const t of niceTicks(x0, x1, 6).filter((v) => !integerX || Number.isInteger(v))) {
    parts.push(
      `<text x="${r1(px(t))}" y="${H - m.bottom + 14}" text-anchor="middle" font-size="10">${fmtTick(t)}</text>`,
    );
  }
  parts.push(
    `<text x="${(m.left + W - m.right) / 2}" y="${H - m.bottom + 28}" text-anchor="middle" font-size="11">${escapeXml(spec.xLabel)}</text>`,
    `<text transform="translate(14 ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="11">${escapeXml(spec.yLabel)}</text>`,
  );
  const n = spec.series.length;
  bands.forEach((band, i) => {
    if (band.length < 2) return;
    const upper = band.map(([x, , hi]) => `${r1(px(x))},${r1(py(hi))}`);
    const lower = band.map(([x, lo]) => `${r1(px(x))},${r1(py(lo))}`).reverse();
    parts.push(
      `<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="${spec.series[i].style.color}" fill-opacity="0.15" stroke="none"/>`,
    );
  });
  spec.series.forEach((s, i) => {
    const points = finite[i];
    if (points.length === 0) return;
    const d = points.map(([x, y]) => `${r1(px(x))},${r1(py(y))}`).join(' ');
    const dash = s.style.dash ? ` stroke-dasharray="${s.style.dash}"` : '';
    parts.push(
      `<g class="series" data-name="${escapeXml(s.name)}"><title>${escapeXml(s.name)}</title>`,
      `<polyline fill="none" stroke="${s.style.color}" stroke-width="1.6"${dash} points="${d}"/>`,
    );
    for (let k = 0; k < MARKERS_PER_SERIES; k++) {
      const at = Math.round(((k + (i + 1) / (n + 1)) / MARKERS_PER_SERIES) * (points.length - 1));
      const [x, y] = points[at];
      parts.push(markerSvg(s.style.marker, px(x), py(y), s.style.color));
    }
    parts.push('</g>');
  });
  const colWidth = (W - m.left) / legendCols;
  const maxChars = Math.floor((colWidth - 32) / 5.6);
  spec.series.forEach((s, i) => {
    const lx = m.left + (i % legendCols) * colWidth;
    const ly = H - 12 - 14 * (legendRows - 1 - Math.floor(i / legendCols));
    const label = s.name.length > maxChars ? `${s.name.slice(0, maxChars - 1)}…` : s.name;
    const dash = s.style.dash ? ` stroke-dasharray="${s.style.dash}"` : '';
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.style.color}" stroke-width="1.6"${dash}/>`,
      markerSvg(s.style.marker, lx + 12, ly - 4, s.style.color),
      `<text x="${lx + 28}" y="${ly}" font-size="10">${escapeXml(label)}<title>${escapeXml(s.name)}</title></text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function paddedLinear(ys: readonly number[]): AxisScale {
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y1 === y0) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.05;
  return linearScale(y0 - pad, y1 + pad);
}

function fmtTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 10000 || a < 0.001 ? v.toExponential(0) : String(Number(v.toPrecision(4)));
}
