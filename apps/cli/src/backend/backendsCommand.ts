import { booleanFlag } from '../args/flagReaders';
import type { Command } from '../commands/Command';
import { pickAutoBackend } from './pickAutoBackend';

/** `prefopt backends`: each backend adapter, whether it can start here, and auto's pick. */
export const backendsCommand: Command = {
  name: 'backends',
  summary: 'list the TensorFlow.js backends, which can start here, and what --backend auto picks',
  usage: 'prefopt backends [--json] [--plugin <package or path>]…',

  async run(args, { io, registry }) {
    const json = booleanFlag(args, 'json');
    const adapters = (await registry())
      .list('backend')
      .map((e) => e.value)
      .sort((a, b) => b.priority - a.priority);
    const rows = [];
    for (const a of adapters) {
      const available = await a.isAvailable().catch(() => false);
      const device = available ? await a.deviceInfo?.().catch(() => undefined) : undefined;
      rows.push({
        name: a.name,
        priority: a.priority,
        available,
        device: device?.description ?? null,
        software: device?.software ?? false,
      });
    }
    const auto = (await pickAutoBackend(adapters)).adapter.name;
    if (json) {
      io.stdout.write(`${JSON.stringify({ backends: rows, auto })}\n`);
      return;
    }
    const width = Math.max(...rows.map((r) => r.name.length), 7);
    const lines = rows.map(
      (r) =>
        `${r.name.padEnd(width)}  ${String(r.priority).padStart(8)}  ${(r.available ? 'yes' : 'no').padEnd(9)}  ${r.device ?? '-'}`,
    );
    io.stdout.write(
      [
        `${'backend'.padEnd(width)}  priority  available  device`,
        ...lines,
        '',
        `--backend auto → ${auto}`,
        '',
      ].join('\n'),
    );
  },
};
