/** β > 0, default 0.1: the option every reference-based objective of this family takes. */
export const betaOption = {
  type: 'number',
  default: 0.1,
  min: 0,
  exclusiveMin: true,
  description: 'β: inverse temperature of the implicit reward β·(log π − log π_ref)',
} as const;

/** ε in [0, 0.5), default 0: TRL's label_smoothing (conservative labels), as AOT takes it. */
export const labelSmoothingOption = {
  type: 'number',
  default: 0,
  min: 0,
  max: 0.5,
  exclusiveMax: true,
  description: 'ε in [0, 0.5): label smoothing (TRL label_smoothing)',
} as const;
