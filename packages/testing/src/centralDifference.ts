import type { NumberInputs, PairNumbers } from './objectiveCase';

/**
 * Central finite difference (f(x + s) − f(x − s)) / (x₊ − x₋) of `f` w.r.t. each policy
 * entry. `float32`: the step is absolute and x± are rounded to float32 first, dividing by
 * the step actually taken (so the input's rounding does not enter the result); otherwise
 * (float64 references) the step is relative, s = h·max(1, |x|).
 */
export function centralDifference(
  f: (x: NumberInputs) => number,
  x: NumberInputs,
  h: number,
  precision: 'float64' | 'float32' = 'float64',
): PairNumbers {
  const out: PairNumbers = { chosen: [], rejected: [] };
  for (const side of ['chosen', 'rejected'] as const) {
    for (let i = 0; i < x.policy[side].length; i++) {
      const x0 = x.policy[side][i];
      const step = precision === 'float32' ? h : h * Math.max(1, Math.abs(x0));
      const round = precision === 'float32' ? Math.fround : (v: number) => v;
      const [plus, minus] = [round(x0 + step), round(x0 - step)];
      const at = (v: number): NumberInputs => {
        const values = [...x.policy[side]];
        values[i] = v;
        return { ...x, policy: { ...x.policy, [side]: values } };
      };
      out[side].push((f(at(plus)) - f(at(minus))) / (plus - minus));
    }
  }
  return out;
}
