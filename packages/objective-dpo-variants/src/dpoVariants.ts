import { apoDown } from './apoDown';
import { apoZero } from './apoZero';
import { bcoPair } from './bcoPair';
import { discopop } from './discopop';
import { exo } from './exo';
import { hinge } from './hinge';
import { lnDpo } from './lnDpo';
import { nca } from './nca';
import { rdpo } from './rdpo';
import { robustDpo } from './robustDpo';
import { sppoHard } from './sppoHard';

/** The factories of this package, in the order of DESIGN.md's table. */
export const dpoVariants = [
  robustDpo,
  hinge,
  lnDpo,
  rdpo,
  nca,
  bcoPair,
  sppoHard,
  apoZero,
  apoDown,
  exo,
  discopop,
] as const;
