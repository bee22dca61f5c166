import { aot } from './aot';
import { aotUnpaired } from './aotUnpaired';
import { apoDown } from './apoDown';
import { apoZero } from './apoZero';
import { bcoPair } from './bcoPair';
import { discopop } from './discopop';
import { exo } from './exo';
import { fDpo } from './fDpo';
import { hinge } from './hinge';
import { ldDpo } from './ldDpo';
import { lnDpo } from './lnDpo';
import { nca } from './nca';
import { rdpo } from './rdpo';
import { robustDpo } from './robustDpo';
import { sppoHard } from './sppoHard';
import { wpo } from './wpo';

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
  aot,
  aotUnpaired,
  fDpo,
  wpo,
  ldDpo,
] as const;
