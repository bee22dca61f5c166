import type { Command } from './Command';

/** Every verb of `prefopt`, in the order `prefopt help` lists them. */
export const commands: readonly Command[] = [];
