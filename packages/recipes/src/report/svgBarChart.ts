import { autoLogScale, linearScale, type AxisScale } from './axisScale';
import { escapeXml } from './escapeXml';

export interface Bar {
  label: string;
  value: number | null;
  color: string;
  /** Drawn as an error bar (whisker with caps) from low to high. */
  interval?: { low: number; high: number };
}

export interface BarChartSpec {
  title: string;
  /** The value axis's label, with its unit. */
  yLabel: string;
  bars: readonly Bar[];
  /** Value labels above the bars. */
  format: (v: number) => string;
  /** Axis tick labels. */
  tickFormat: (v: number) => string;
  /** 'share': linear 0 … 100%; 'log': log10 (symlog when a value is ≤ 0), drawn as dots. */
  scale: 'linear' | 'share' | 'log';
  /** A dashed reference line (e.g. 50% win rate = a tie with the start model). */
  reference?: number;
  width?: number;
  height?: number;
}

/** Plot-area margins of a bar chart, in SVG units (exported for the specs' geometry). */
export const BAR_MARGIN = { left: 76, right: 12, top: 40, bottom: 64 } as const;
/** Half the width of an error bar's caps. */
export const CAP_HALF_WIDTH = 5;

const r2 = (v: number): string => String(Math.round(v * 100) / 100);

function chooseScale(spec: BarChartSpec): AxisScale {
  const values: number[] = [];
  for (const b of spec.bars) {
    if (b.value !== null && Number.isFinite(b.value)) values.push(b.value);
    if (b.interval) values.push(b.interval.low, b.interval.high);
  }
  if (spec.reference !== undefined) values.push(spec.reference);
  if (spec.scale === 'log') return autoLogScale(values);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (spec.scale === 'share') return linearScale(lo, Math.max(1, hi));
  return linearScale(lo, hi === lo ? lo + 1 : hi + (hi - lo) * 0.1);
}

/**
 * A self-contained SVG bar chart with 95% error bars where given; on a log axis each value
 * is a dot (bars have no zero to start from). A missing value is drawn as 'n/a'.
 */
export function svgBarChart(spec: BarChartSpec): string {
  const W = spec.width ?? 520;
  const H = spec.height ?? 300;
  const m = BAR_MARGIN;
  const scale = chooseScale(spec);
  const py = (y: number): number => H - m.bottom - scale.position(y) * (H - m.top - m.bottom);
  const slot = (W - m.left - m.right) / Math.max(1, spec.bars.length);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(spec.title)}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(spec.title)}</text>`,
  ];
  if (scale.note) {
    parts.push(
      `<text class="scale-note" x="${W / 2}" y="29" text-anchor="middle" font-size="10" fill="#555">${escapeXml(scale.note)}</text>`,
    );
  }
  for (const t of scale.ticks) {
    parts.push(
      `<line class="tick" data-value="${t}" x1="${m.left}" x2="${W - m.right}" y1="${r2(py(t))}" y2="${r2(py(t))}" stroke="#eee"/>`,
      `<text x="${m.left - 4}" y="${r2(py(t) + 4)}" text-anchor="end" font-size="10">${escapeXml(spec.tickFormat(t))}</text>`,
    );
  }
  const dots = scale.kind !== 'linear';
  const axisY = dots ? H - m.bottom : py(0);
  parts.push(
    `<line x1="${m.left}" x2="${W - m.right}" y1="${r2(axisY)}" y2="${r2(axisY)}" stroke="#666"/>`,
    `<text transform="translate(${m.left - 50} ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="11">${escapeXml(spec.yLabel)}</text>`,
  );
  spec.bars.forEach((b, i) => {
    const cx = m.left + slot * (i + 0.5);
    const bw = Math.min(48, slot * 0.7);
    if (b.value === null || !Number.isFinite(b.value)) {
      parts.push(
        `<text x="${r2(cx)}" y="${r2(axisY - 4)}" text-anchor="middle" font-size="10" fill="#888">n/a</text>`,
      );
    } else {
      const ci = b.interval
        ? ` [${spec.format(b.interval.low)}, ${spec.format(b.interval.high)}]`
        : '';
      const tip = `<title>${escapeXml(`${b.label}: ${spec.format(b.value)}${ci}`)}</title>`;
      if (dots) {
        parts.push(
          `<circle class="value" cx="${r2(cx)}" cy="${r2(py(b.value))}" r="4" fill="${b.color}">${tip}</circle>`,
        );
      } else {
        const top = py(Math.max(0, b.value));
        const height = Math.max(Math.abs(py(b.value) - py(0)), 0.5);
        parts.push(
          `<rect class="value" x="${r2(cx - bw / 2)}" y="${r2(top)}" width="${r2(bw)}" height="${r2(height)}" fill="${b.color}">${tip}</rect>`,
        );
      }
      if (b.interval) {
        const [yHigh, yLow] = [py(b.interval.high), py(b.interval.low)];
        const [xa, xb] = [r2(cx - CAP_HALF_WIDTH), r2(cx + CAP_HALF_WIDTH)];
        parts.push(
          `<path class="interval" d="M${xa},${r2(yHigh)}H${xb}M${r2(cx)},${r2(yHigh)}V${r2(yLow)}M${xa},${r2(yLow)}H${xb}" stroke="#222" stroke-width="1.2" fill="none"/>`,
        );
      }
      const labelY =
        Math.min(
          py(dots ? b.value : Math.max(0, b.value)),
          b.interval ? py(b.interval.high) : Infinity,
        ) - 4;
      parts.push(
        `<text x="${r2(cx)}" y="${r2(labelY)}" text-anchor="middle" font-size="10">${escapeXml(spec.format(b.value))}</text>`,
      );
    }
    parts.push(
      `<text transform="translate(${r2(cx + 4)} ${H - m.bottom + 12}) rotate(-25)" text-anchor="end" font-size="10">${escapeXml(shortLabel(b.label))}<title>${escapeXml(b.label)}</title></text>`,
    );
  });
  if (spec.reference !== undefined) {
    const y = r2(py(spec.reference));
    parts.push(
      `<line class="reference" x1="${m.left}" x2="${W - m.right}" y1="${y}" y2="${y}" stroke="#c33" stroke-dasharray="4 3"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Long run names (grid cells) are cut to fit under the axis; the full name is the tooltip. */
function shortLabel(label: string, max = 20): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
