/** A curve over seeds: the mean at each x that every seed has, and the seeds' range there. */
export interface SeedBand {
  mean: [number, number][]; // [x, mean y]
  band: [number, number, number][]; // [x, min y, max y]
}

/**
 * Combines one curve per seed (each [x, y] points, x ascending) into their mean and
 * min–max range, at the x values all seeds share. One seed: the curve, no band.
 */
export function seedBand(curves: readonly (readonly [number, number])[][]): SeedBand {
  if (curves.length === 0) return { mean: [], band: [] };
  if (curves.length === 1) return { mean: curves[0].map(([x, y]) => [x, y]), band: [] };
  const byX = curves.map((c) => new Map(c.map(([x, y]) => [x, y])));
  const mean: [number, number][] = [];
  const band: [number, number, number][] = [];
  for (const [x] of curves[0]) {
    const ys = byX.map((m) => m.get(x));
    if (ys.some((y) => y === undefined)) continue;
    const vals = ys as number[];
    mean.push([x, vals.reduce((a, b) => a + b, 0) / vals.length]);
    band.push([x, Math.min(...vals), Math.max(...vals)]);
  }
  return { mean, band };
}
