import {
  fromFsError,
  PrefoptError,
  REGISTRY,
  type PrefoptErrorKind,
  type Registry,
} from '@prefopt/core';
import { parseArgs } from './args/parseArgs';
import type { CommandIo } from './commands/Command';
import { commands } from './commands/commands';
import { createContainer } from './container/createContainer';

/** Exit code per error kind: 2 for what the user can fix in the command line or input. */
const EXIT_CODE: Record<PrefoptErrorKind, number> = {
  config: 2,
  input: 2,
  data: 2,
  checkpoint: 2,
  tokenizer: 2,
  plugin: 2,
  backend: 3,
  numeric: 4,
  interrupted: 130,
  io: 2,
};

const defaultIo = (): CommandIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});

/** Runs one `prefopt` invocation and returns its exit code. Errors become one line on stderr. */
export async function main(argv: readonly string[], io: CommandIo = defaultIo()): Promise<number> {
  try {
    const args = parseArgs(argv);
    const verb = args.positionals[0];
    if (!verb || verb === 'help') {
      io.stdout.write(helpText());
      return verb || args.flags.help ? 0 : 2;
    }
    const command = commands.find((c) => c.name === verb);
    if (!command) {
      throw new PrefoptError(
        'config',
        `unknown command '${verb}'. Commands: ${commands.map((c) => c.name).join(', ')}.`,
      );
    }
    if (args.flags.help === true) {
      const more = command.help ? `\n${command.help()}\n` : '';
      io.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n${more}`);
      return 0;
    }
    let registry: Promise<Registry> | undefined;
    const code = await command.run(
      { ...args, positionals: args.positionals.slice(1) },
      {
        io,
        registry: () =>
          (registry ??= createContainer(
            args.repeated.plugin ?? [],
            io.cwd,
            args.repeated.override ?? [],
          ).then((c) => c.get<Registry>(REGISTRY))),
      },
    );
    return code ?? 0;
  } catch (e) {
    if (PrefoptError.is(e)) {
      io.stderr.write(`prefopt: ${e.message}\n`);
      return EXIT_CODE[e.kind] ?? 1;
    }
    const fsError = fromFsError(e);
    if (PrefoptError.is(fsError)) {
      io.stderr.write(`prefopt: ${fsError.message}\n`);
      return EXIT_CODE.io;
    }
    io.stderr.write(
      `prefopt: unexpected error: ${(e as Error)?.stack ?? String(e)}\n` +
        `prefopt: this is a bug in prefopt, not in your input. Please report it on the prefopt issue tracker with the command line and the lines above.\n`,
    );
    return 1;
  }
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'prefopt — preference optimisation (DPO, SimPO, IPO, ...) for causal LMs on TensorFlow.js',
    '',
    'usage: prefopt <command> [flags]   (every command takes --plugin <package|path>, repeatable)',
    '',
    ...lines,
    '',
    "Run 'prefopt <command> --help' for a command's flags.",
    '',
  ].join('\n');
}
