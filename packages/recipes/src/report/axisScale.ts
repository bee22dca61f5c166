import { niceTicks } from './niceTicks';

/** How a chart maps values onto its value axis. */
export interface AxisScale {
  kind: 'linear' | 'log' | 'symlog';
  /** Position along the axis in [0, 1] (0 = bottom); log clamps values ≤ 0 to 0. */
  position(value: number): number;
  /** Tick values inside the domain. */
  ticks: number[];
  /** Words for the axis label, e.g. "log scale"; '' for linear. */
  note: string;
}

/** A linear axis over [lo, hi] with round ticks. */
export function linearScale(lo: number, hi: number, tickCount = 5): AxisScale {
  const [a, b] = hi > lo ? [lo, hi] : [lo - 1, lo + 1];
  return {
    kind: 'linear',
    position: (v) => (v - a) / (b - a),
    ticks: niceTicks(a, b, tickCount),
    note: '',
  };
}

/**
 * A base-10 log axis over whole decades [10^floor(log10 lo), 10^ceil(log10 hi)]; ticks at
 * 1, 2, 5 × 10^k over up to three decades, at the decades alone beyond. Needs 0 < lo ≤ hi.
 */
export function logScale(lo: number, hi: number): AxisScale {
  const d0 = Math.floor(Math.log10(lo));
  const d1 = Math.max(Math.ceil(Math.log10(hi)), d0 + 1);
  const mantissas = d1 - d0 <= 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let d = d0; d <= d1; d++) {
    for (const m of mantissas)
      if (d < d1 || m === 1) ticks.push(Number((m * 10 ** d).toPrecision(12)));
  }
  return {
    kind: 'log',
    position: (v) => (v > 0 ? (Math.log10(v) - d0) / (d1 - d0) : 0),
    ticks,
    note: 'log scale',
  };
}

/**
 * A symmetric log axis (matplotlib's symlog with base 10): t(v) = sign(v)·log10(1 + |v|/c),
 * about linear within ±c, logarithmic beyond; it takes zero and negative values. Ticks at 0
 * and ±c·10^k (k ≥ 1); the domain always includes 0 (bars start there).
 */
export function symlogScale(lo: number, hi: number, c: number): AxisScale {
  const t = (v: number): number => Math.sign(v) * Math.log10(1 + Math.abs(v) / c);
  const edge = (v: number): number =>
    v === 0 ? 0 : Math.sign(v) * c * 10 ** Math.max(0, Math.ceil(Math.log10(Math.abs(v) / c)));
  const a = Math.min(0, edge(lo));
  const b = Math.max(0, edge(hi));
  const [ta, tb] = b > a ? [t(a), t(b)] : [0, 1];
  const ticks: number[] = [0];
  // from 10c on: a tick at ±c would crowd the one at 0 (t(c) = log10 2 ≈ 0.3 of a decade)
  for (let v = 10 * c; v <= Math.max(-a, b) * (1 + 1e-9); v *= 10) {
    const r = Number(v.toPrecision(12));
    if (r <= b * (1 + 1e-9)) ticks.push(r);
    if (-r >= a * (1 + 1e-9)) ticks.unshift(-r);
  }
  // a side whose domain ends at ±c has no tick from 10c on: label its end
  if (b > 0 && ticks[ticks.length - 1] === 0) ticks.push(b);
  if (a < 0 && ticks[0] === 0) ticks.unshift(a);
  return {
    kind: 'symlog',
    position: (v) => (t(v) - ta) / (tb - ta),
    ticks,
    note: `symmetric log scale, linear within ±${c}`,
  };
}

/**
 * The axis for a quantity spanning decades (reward margins: 0.09 to 17.5 across runs): log
 * when every value is positive, else symlog whose linear zone c is the decade of the
 * smallest non-zero |value| but at most `maxDecades` below the largest.
 */
export function autoLogScale(values: readonly number[], maxDecades = 4): AxisScale {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return linearScale(0, 1);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (lo > 0) return logScale(lo, hi);
  const abs = finite.map(Math.abs).filter((v) => v > 0);
  if (abs.length === 0) return linearScale(-1, 1);
  const decade = (v: number): number => 10 ** Math.floor(Math.log10(v));
  const c = Math.max(decade(Math.min(...abs)), decade(Math.max(...abs)) / 10 ** maxDecades);
  return symlogScale(lo, hi, Number(c.toPrecision(12)));
}
