/** β > 0, default 0.1: the option every reference-based objective of this family takes. */
export const betaOption = {
  type: 'number',
  default: 0.1,
  min: 0,
  exclusiveMin: true,
  description: 'β: inverse temperature of the implicit reward β·(log π − log π_ref)',
} as const;
