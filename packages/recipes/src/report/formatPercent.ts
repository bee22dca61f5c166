/**
 * A share in [0, 1] as a percentage with one decimal, and more decimals where one would
 * round a value that is not exactly 0 or 100% onto "0.0%" or "100.0%" (0.995 → "99.5%",
 * 0.9996 → "99.96%", 1 → "100.0%"). `suffix` '' gives the bare number (interval bounds).
 */
export function formatPercent(share: number, suffix = '%'): string {
  if (!Number.isFinite(share)) return '—';
  const p = 100 * share;
  for (let digits = 1; digits <= 6; digits++) {
    const text = p.toFixed(digits);
    const shown = Math.abs(Number(text));
    const falseEdge = (shown === 100 && Math.abs(p) !== 100) || (shown === 0 && p !== 0);
    if (!falseEdge) return `${text}${suffix}`;
  }
  // Closer to an edge than 1e-6 percentage points: say which side it is on.
  return Math.abs(p) > 50
    ? `${p < 0 ? '>−' : '<'}100${suffix}`
    : `${p < 0 ? '>−' : '<'}1e-6${suffix}`;
}
