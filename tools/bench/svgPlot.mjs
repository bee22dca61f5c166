// A small, dependency-free SVG line-plot writer for the bench tools (tools may not import app
// internals). One figure = panels side by side; each panel has its own axes (linear or log10),
// ticks, axis labels and a legend; each series has its own dash pattern and marker shape.
// The geometry is exported (scale, ticks, panelFrame) so the spec can check positions by hand.

/** Panel geometry: the plot area inside a panel of width × height (SVG user units = px). */
export const MARGIN = { left: 64, right: 16, top: 32, bottom: 48 };

/** Maps a data value to a pixel coordinate on [p0, p1] (p1 < p0 for the y axis). */
export function scale(domain, range, log = false) {
  const f = log ? Math.log10 : (v) => v;
  const [d0, d1] = domain.map(f);
  const [p0, p1] = range;
  const span = d1 - d0 || 1;
  return (v) => p0 + ((f(v) - d0) / span) * (p1 - p0);
}

/** Tick values: powers of ten (with 2 and 5 up to 2.5 decades, 1.5/3/7 too below 1.2) for log axes,
 *  else 1/2/5 × 10^k steps giving 3-7 ticks. Returns values inside [lo, hi]. */
export function ticks(lo, hi, log = false) {
  if (log) {
    const out = [];
    const decades = Math.log10(hi / lo);
    const mults = decades < 1.2 ? [1, 1.5, 2, 3, 5, 7] : decades <= 2.5 ? [1, 2, 5] : [1];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
      for (const m of mults) {
        const v = m * 10 ** e;
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(Number(v.toPrecision(6)));
      }
    return out;
  }
  const raw = (hi - lo) / 5 || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => (hi - lo) / s <= 7) ?? 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(6)));
  return out;
}

/** Domain [lo, hi] padded so the extreme points do not sit on the frame: log axes to the
 *  enclosing 1/2/5 values, linear axes from 0 (or lo) to a 1/2/5 step above hi. */
export function niceDomain(values, log = false) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (log) {
    const down = (v) => {
      const e = 10 ** Math.floor(Math.log10(v));
      return [5, 2, 1].map((m) => m * e).find((c) => c <= v * (1 + 1e-9));
    };
    const up = (v) => {
      const e = 10 ** Math.floor(Math.log10(v));
      return [1, 2, 5, 10].map((m) => m * e).find((c) => c >= v * (1 - 1e-9));
    };
    return [down(lo), up(hi)];
  }
  const start = lo >= 0 ? 0 : lo;
  const t = ticks(start, hi);
  const step = t.length > 1 ? t[1] - t[0] : hi || 1;
  return [start, Math.ceil(hi / step - 1e-9) * step || step];
}

/** The plot area of panel `index` in a figure of panels `width` wide and `height` high. */
export function panelFrame(index, width, height) {
  const x0 = index * width + MARGIN.left;
  const y0 = MARGIN.top;
  return { x0, y0, x1: (index + 1) * width - MARGIN.right, y1: height - MARGIN.bottom };
}

const esc = (s) =>
  String(s).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );
const fmt = (v) =>
  Math.abs(v) >= 1e7
    ? v.toExponential(0).replace('e+', 'e')
    : Math.abs(v) >= 1e4
      ? `${v / 1e3}k`
      : String(v);
const r1 = (v) => Math.round(v * 10) / 10;

/** Marker shapes by name, centred on (x, y). */
export function marker(shape, x, y, color) {
  const s = 4;
  if (shape === 'square')
    return `<rect x="${r1(x - s)}" y="${r1(y - s)}" width="${2 * s}" height="${2 * s}" fill="${color}"/>`;
  if (shape === 'triangle')
    return `<polygon points="${r1(x)},${r1(y - s - 1)} ${r1(x + s + 1)},${r1(y + s)} ${r1(x - s - 1)},${r1(y + s)}" fill="${color}"/>`;
  if (shape === 'diamond')
    return `<polygon points="${r1(x)},${r1(y - s - 1)} ${r1(x + s + 1)},${r1(y)} ${r1(x)},${r1(y + s + 1)} ${r1(x - s - 1)},${r1(y)}" fill="${color}"/>`;
  return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${s}" fill="${color}"/>`;
}

/**
 * One panel's SVG elements.
 * panel: { title, xLabel, yLabel, xLog, yLog, series: [{ name, color, dash, marker, points: [[x, y]] }] }
 * Points with a non-finite or (on a log axis) non-positive coordinate are left out.
 */
export function panelSvg(panel, index, width, height) {
  const f = panelFrame(index, width, height);
  const ok = ([x, y]) =>
    Number.isFinite(x) && Number.isFinite(y) && (!panel.xLog || x > 0) && (!panel.yLog || y > 0);
  const series = panel.series.map((s) => ({ ...s, points: s.points.filter(ok) }));
  const all = series.flatMap((s) => s.points);
  const out = [];
  const cx = (f.x0 + f.x1) / 2;
  out.push(
    `<text x="${cx}" y="${f.y0 - 12}" text-anchor="middle" font-size="13" font-weight="bold">${esc(panel.title)}</text>`,
  );
  out.push(
    `<rect x="${f.x0}" y="${f.y0}" width="${f.x1 - f.x0}" height="${f.y1 - f.y0}" fill="none" stroke="#444"/>`,
  );
  if (!all.length) {
    out.push(
      `<text x="${cx}" y="${(f.y0 + f.y1) / 2}" text-anchor="middle" font-size="12">no data</text>`,
    );
    return out.join('\n');
  }
  const xd = niceDomain(
    all.map((p) => p[0]),
    panel.xLog,
  );
  const yd = niceDomain(
    all.map((p) => p[1]),
    panel.yLog,
  );
  const sx = scale(xd, [f.x0, f.x1], panel.xLog);
  const sy = scale(yd, [f.y1, f.y0], panel.yLog);
  const xt = panel.xTicks ?? ticks(xd[0], xd[1], panel.xLog);
  for (const t of xt) {
    const x = r1(sx(t));
    out.push(`<line x1="${x}" y1="${f.y1}" x2="${x}" y2="${f.y0}" stroke="#ddd"/>`);
    out.push(
      `<text x="${x}" y="${f.y1 + 16}" text-anchor="middle" font-size="11">${esc(panel.xTickFormat ? panel.xTickFormat(t) : fmt(t))}</text>`,
    );
  }
  for (const t of ticks(yd[0], yd[1], panel.yLog)) {
    const y = r1(sy(t));
    out.push(`<line x1="${f.x0}" y1="${y}" x2="${f.x1}" y2="${y}" stroke="#ddd"/>`);
    out.push(
      `<text x="${f.x0 - 6}" y="${y + 4}" text-anchor="end" font-size="11">${esc(fmt(t))}</text>`,
    );
  }
  out.push(
    `<text x="${cx}" y="${f.y1 + 36}" text-anchor="middle" font-size="12">${esc(panel.xLabel)}${panel.xLog ? ' (log scale)' : ''}</text>`,
  );
  const ly = (f.y0 + f.y1) / 2;
  out.push(
    `<text x="${f.x0 - 48}" y="${ly}" text-anchor="middle" font-size="12" transform="rotate(-90 ${f.x0 - 48} ${ly})">${esc(panel.yLabel)}${panel.yLog ? ' (log scale)' : ''}</text>`,
  );
  series.forEach((s, i) => {
    const pts = s.points.map(([x, y]) => `${r1(sx(x))},${r1(sy(y))}`).join(' ');
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
    if (s.points.length > 1)
      out.push(
        `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`,
      );
    for (const [x, y] of s.points) out.push(marker(s.marker, sx(x), sy(y), s.color));
    // legend, top-left of the plot area
    const lx = f.x0 + 10;
    const y = f.y0 + 14 + i * 16;
    out.push(
      `<line x1="${lx}" y1="${y}" x2="${lx + 24}" y2="${y}" stroke="${s.color}" stroke-width="2"${dash}/>`,
    );
    out.push(marker(s.marker, lx + 12, y, s.color));
    out.push(`<text x="${lx + 30}" y="${y + 4}" font-size="11">${esc(s.name)}</text>`);
  });
  return out.join('\n');
}

/** A self-contained SVG document: the panels side by side, each width × height, with a caption. */
export function figureSvg({ panels, width = 420, height = 320, caption = '' }) {
  const W = panels.length * width;
  const H = height + (caption ? 20 : 0);
  const body = panels.map((p, i) => panelSvg(p, i, width, height)).join('\n');
  const cap = caption
    ? `\n<text x="${W / 2}" y="${height + 12}" text-anchor="middle" font-size="11" fill="#555">${esc(caption)}</text>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="white"/>
${body}${cap}
</svg>
`;
}
