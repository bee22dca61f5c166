import { bco } from './bco';
import { kto } from './kto';

/** The factories of this package. */
export const unpairedObjectives = [kto, bco] as const;
