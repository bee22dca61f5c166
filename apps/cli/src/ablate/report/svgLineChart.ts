import { escapeXml } from './escapeXml';
import { niceTicks } from './niceTicks';

export interface LineSeries {
  name: string;
  color: string;
  points: readonly (readonly [number, number])[]; // [x, y]
}

export interface LineChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  width?: number;
  height?: number;
}

/** A self-contained SVG line chart with axes, ticks and a legend (no scripts, no fonts to fetch). */
export function svgLineChart(spec: LineChartSpec): string {
  const W = spec.width ?? 520;
  const H = spec.height ?? 300;
  const m = { left: 56, right: 12, top: 28, bottom: 72 };
  const pts = spec.series
    .flatMap((s) => s.points)
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  let [x0, x1] = pts.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  let [y0, y1] = pts.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  if (x1 === x0) [x0, x1] = [x0 - 1, x1 + 1];
  if (y1 === y0) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.05;
  [y0, y1] = [y0 - pad, y1 + pad];
  const px = (x: number): number => m.left + ((x - x0) / (x1 - x0)) * (W - m.left - m.right);
  const py = (y: number): number => H - m.bottom - ((y - y0) / (y1 - y0)) * (H - m.top - m.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(spec.title)}">`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(spec.title)}</text>`,
    `<rect x="${m.left}" y="${m.top}" width="${W - m.left - m.right}" height="${H - m.top - m.bottom}" fill="none" stroke="#999"/>`,
  ];
  for (const t of niceTicks(y0, y1, 5)) {
    parts.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${py(t)}" y2="${py(t)}" stroke="#eee"/>`,
      `<text x="${m.left - 4}" y="${py(t) + 4}" text-anchor="end" font-size="10">${fmtTick(t)}</text>`,
    );
  }
  for (const t of niceTicks(x0, x1, 6)) {
    parts.push(
      `<text x="${px(t)}" y="${H - m.bottom + 14}" text-anchor="middle" font-size="10">${fmtTick(t)}</text>`,
    );
  }
  parts.push(
    `<text x="${(m.left + W - m.right) / 2}" y="${H - m.bottom + 27}" text-anchor="middle" font-size="11">${escapeXml(spec.xLabel)}</text>`,
    `<text transform="translate(13 ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="11">${escapeXml(spec.yLabel)}</text>`,
  );
  for (const s of spec.series) {
    const d = s.points
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
      .map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`)
      .join(' ');
    if (d) {
      parts.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="1.6" points="${d}"><title>${escapeXml(s.name)}</title></polyline>`,
      );
    }
  }
  spec.series.forEach((s, i) => {
    const lx = m.left + (i % 4) * ((W - m.left) / 4);
    const ly = H - 14 + Math.floor(i / 4) * 12 - (spec.series.length > 4 ? 8 : 0);
    parts.push(
      `<rect x="${lx}" y="${ly - 8}" width="10" height="3" fill="${s.color}"/>`,
      `<text x="${lx + 14}" y="${ly - 4}" font-size="10">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function fmtTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1000 || a < 0.01 ? v.toExponential(1) : String(Number(v.toPrecision(3)));
}
