import type { BackendAdapter } from '@prefopt/core';
import { numberFlag, stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';
import type { CommandContext } from '../commands/Command';
import { resolveBackend } from './resolveBackend';

/** Adapters whose `threads` option does something (the native TensorFlow ones). */
const THREADED = new Set(['node', 'node-gpu', 'native']);

/**
 * The one place CLI verbs turn `--backend auto|cpu|wasm|native|native-cpu|node|node-gpu|webgpu` (default
 * auto) and `--threads N` into an activated TensorFlow.js backend. Adapters come from
 * the registry (bundled ones plus any a `--plugin` manifest lists). `auto`
 * prints its pick to stderr. An absent backend fails with a `backend` error that says
 * what to install. Returns the active adapter.
 */
export async function activateBackend(
  args: ParsedArgs,
  ctx: CommandContext,
): Promise<BackendAdapter> {
  const name = stringFlag(args, 'backend', 'auto')!;
  const threads = numberFlag(args, 'threads', undefined, { min: 1, max: 256, integer: true });
  const adapter = await resolveBackend(await ctx.registry(), name, ctx.io.stderr);
  if (threads !== undefined && !THREADED.has(adapter.name)) {
    ctx.io.stderr.write(
      `prefopt: --threads applies to the node, node-gpu and native backends; ${adapter.name} ignores it.\n`,
    );
  }
  await adapter.activate(threads === undefined ? {} : { threads });
  return adapter;
}
