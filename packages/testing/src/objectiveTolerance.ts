/**
 * Tolerances of `describeObjective`. tfjs's cpu backend computes in float32 (ε ≈ 1.2e-7):
 * - values vs the float64 reference: |a − b| ≤ value·max(1, |b|);
 * - autodiff vs the central difference of the float64 reference (step 1e-6·max(1, |x|),
 *   truncation ~1e-12, round-off ~1e-10): |g − fd| ≤ gradVsReference·max(1, |fd|);
 * - autodiff vs a float32 central difference of the objective itself (absolute step 1e-2 on
 *   float32-rounded inputs: round-off ≈ ε·|loss|/(2·step) ≈ 6e-6·|loss|, truncation ≈
 *   step²·|f'''|/6 ≈ 2e-5·|f'''|): |g − fd| ≤ gradVsSelf·max(0.1, |fd|).
 */
export const objectiveTolerance = {
  value: 1e-4,
  gradVsReference: 1e-4,
  gradVsSelf: 2e-3,
} as const;
