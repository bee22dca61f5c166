import type { Registry } from '@prefopt/core';
import type { ParsedArgs } from '../args/parseArgs';

/** Where a command writes; tests pass buffers, the process passes stdout/stderr. */
export interface CommandIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
}

export interface CommandContext {
  io: CommandIo;
  /**
   * Every objective, backend and annotator: the bundled plugins plus every `--plugin`,
   * as the composition root's container holds it. Built on first use.
   */
  registry(): Promise<Registry>;
}

/** One CLI verb. `run` returns the exit code (0 when it returns nothing). */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Longer `--help` text after the usage line (every flag, defaults, ranges), where a verb has one. */
  readonly help?: () => string;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number | void>;
}
