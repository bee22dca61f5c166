import type { Container } from 'inversify';
import type { ParsedArgs } from '../args/parseArgs';

/** Where a command writes; tests pass buffers, the process passes stdout/stderr. */
export interface CommandIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
}

export interface CommandContext {
  io: CommandIo;
  /** The composition root's container: bundled plugins plus every `--plugin`. Built on first use. */
  container(): Promise<Container>;
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
