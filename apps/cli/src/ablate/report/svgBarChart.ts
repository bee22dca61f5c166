import { escapeXml } from './escapeXml';
import { niceTicks } from './niceTicks';

export interface Bar {
  label: string;
  value: number | null;
  color: string;
}

export interface BarChartSpec {
  title: string;
  yLabel: string;
  bars: readonly Bar[];
  format: (v: number) => string;
  /** Draw a dashed reference line (e.g. 50% win rate). */
  reference?: number;
  width?: number;
  height?: number;
}

/** A self-contained SVG bar chart; a missing value is drawn as 'n/a'. */
export function svgBarChart(spec: BarChartSpec): string {
  const W = spec.width ?? 520;
  const H = spec.height ?? 300;
  const m = { left: 76, right: 12, top: 28, bottom: 64 };
  const values = spec.bars
    .map((b) => b.value)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const y0 = Math.min(0, ...values, spec.reference ?? 0);
  let y1 = Math.max(0, ...values, spec.reference ?? 0);
  if (y1 === y0) y1 = y0 + 1;
  const top = y1 + (y1 - y0) * 0.12;
  const py = (y: number): number => H - m.bottom - ((y - y0) / (top - y0)) * (H - m.top - m.bottom);
  const slot = (W - m.left - m.right) / Math.max(1, spec.bars.length);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(spec.title)}">`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(spec.title)}</text>`,
  ];
  for (const t of niceTicks(y0, top, 5)) {
    parts.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${py(t)}" y2="${py(t)}" stroke="#eee"/>`,
      `<text x="${m.left - 4}" y="${py(t) + 4}" text-anchor="end" font-size="10">${escapeXml(spec.format(t))}</text>`,
    );
  }
  parts.push(
    `<line x1="${m.left}" x2="${W - m.right}" y1="${py(0)}" y2="${py(0)}" stroke="#666"/>`,
    `<text transform="translate(${m.left - 43} ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="11">${escapeXml(spec.yLabel)}</text>`,
  );
  spec.bars.forEach((b, i) => {
    const cx = m.left + slot * (i + 0.5);
    const bw = Math.min(48, slot * 0.7);
    if (b.value === null || !Number.isFinite(b.value)) {
      parts.push(
        `<text x="${cx}" y="${py(0) - 4}" text-anchor="middle" font-size="10" fill="#888">n/a</text>`,
      );
    } else {
      const ya = py(Math.max(0, b.value));
      const hgt = Math.abs(py(b.value) - py(0));
      parts.push(
        `<rect x="${cx - bw / 2}" y="${ya}" width="${bw}" height="${Math.max(hgt, 0.5)}" fill="${b.color}"><title>${escapeXml(`${b.label}: ${spec.format(b.value)}`)}</title></rect>`,
        `<text x="${cx}" y="${(b.value >= 0 ? ya : ya + hgt + 10) - 3}" text-anchor="middle" font-size="10">${escapeXml(spec.format(b.value))}</text>`,
      );
    }
    parts.push(
      `<text transform="translate(${cx + 4} ${H - m.bottom + 12}) rotate(-25)" text-anchor="end" font-size="10">${escapeXml(b.label)}</text>`,
    );
  });
  if (spec.reference !== undefined) {
    const y = py(spec.reference);
    parts.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${y}" y2="${y}" stroke="#c33" stroke-dasharray="4 3"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
