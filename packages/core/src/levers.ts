/**
 * Run-time switches for the performance levers (fast paths with a plain tfjs fallback), so
 * one build can be measured before and after each lever.
 *
 * `PREFOPT_LEVERS` (environment, read on every call, so a process may change it between
 * steps) names the levers to switch OFF:
 *   - unset or empty: every lever on (the default);
 *   - `none`: no levers at all (every lever off: the plain tfjs path);
 *   - `a,b,c`: the levers named a, b and c off, the rest on (names are case-insensitive,
 *     spaces ignored).
 * Lever names are the ones listed in docs/performance.md ("Levers on the default engine");
 * call this with the name as a string literal: tools/bench/levers.mjs finds levers that way.
 * Where there is no `process` (a browser), every lever is on.
 */
export function leverEnabled(name: string): boolean {
  const off = disabledLevers();
  return off !== 'all' && !off.has(name.trim().toLowerCase());
}

/** What `PREFOPT_LEVERS` switches off: `'all'` for `none`, else the set of names. */
export function disabledLevers(): ReadonlySet<string> | 'all' {
  const raw = readEnv();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseLevers(raw);
  }
  return cached;
}

/** Parses a `PREFOPT_LEVERS` value (see `leverEnabled`). */
export function parseLevers(raw: string | undefined): ReadonlySet<string> | 'all' {
  const names = (raw ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.includes('none')) return 'all';
  return new Set(names);
}

let cachedRaw: string | undefined;
let cached: ReadonlySet<string> | 'all' = new Set();

function readEnv(): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.PREFOPT_LEVERS;
}
