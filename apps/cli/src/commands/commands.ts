import { backendsCommand } from '../backend/backendsCommand';
import { bench } from './bench';
import { ablate } from './ablate';
import { demo } from './demo';
import { evalCommand } from './evalCommand';
import { pairs } from './pairs';
import type { Command } from './Command';
import { data } from './data';
import { generate } from './generate';
import { loss } from './loss';
import { merge } from './merge';
import { objectives } from './objectives';
import { score } from './score';
import { train } from './train';

/** Every verb of `prefopt`, in the order `prefopt help` lists them. */
export const commands: readonly Command[] = [
  bench,
  backendsCommand,
  data,
  train,
  objectives,
  loss,
  generate,
  score,
  merge,
  ablate,
  demo,
  pairs,
  evalCommand,
];
