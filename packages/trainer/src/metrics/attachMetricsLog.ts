import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { EventEmitter } from 'eventemitter3';
import type { TrainerEvents } from '@prefopt/core';

/**
 * Subscribes a JSON-lines log to a trainer: one row per optimiser step (StepMetrics) and
 * one per evaluation (EvalMetrics), each appended with one write of a whole line (O_APPEND),
 * so a reader never sees half a row from a live run. On a resumed start, rows after the
 * resumed step are dropped first, so the file reads as one unbroken run; a torn last line
 * (a run killed mid-write) is dropped with a note to `log`. That rewrite goes through a temp
 * file renamed into place, so a kill during it loses nothing.
 */
export function attachMetricsLog(
  events: EventEmitter<TrainerEvents>,
  file: string,
  log: (line: string) => void = () => {},
): void {
  events.on('start', ({ resumedFrom }) => {
    mkdirSync(dirname(file), { recursive: true });
    if (resumedFrom === undefined || !existsSync(file)) {
      writeFileSync(file, '');
      return;
    }
    const { kept, torn } = keptRows(readFileSync(file, 'utf8'), resumedFrom);
    if (torn)
      log(
        `note: ${file}: dropped a torn last line (a run stopped mid-write): ${torn.slice(0, 60)}`,
      );
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, kept.map((l) => `${l}\n`).join(''));
    renameSync(tmp, file);
  });
  events.on('step', (m) => appendFileSync(file, `${JSON.stringify(m)}\n`));
  events.on('eval', (m) => appendFileSync(file, `${JSON.stringify(m)}\n`));
}

/** The lines of a metrics file with `step <= upTo`, and the torn last line if there is one. */
function keptRows(text: string, upTo: number): { kept: string[]; torn?: string } {
  const lines = text.split('\n');
  const last = lines.pop()!; // '' when the file ends in a newline
  const kept: string[] = [];
  let torn = last.trim() ? last : undefined;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let row: { step?: unknown };
    try {
      row = JSON.parse(line) as { step?: unknown };
    } catch {
      // only the last line can be torn by a kill; a bad line elsewhere is kept as it is
      if (i === lines.length - 1 && torn === undefined) torn = line;
      else kept.push(line);
      return;
    }
    if (typeof row.step !== 'number' || row.step <= upTo) kept.push(line);
  });
  if (torn !== undefined) {
    try {
      const row = JSON.parse(torn) as { step?: number };
      // a complete row missing only its newline
      if (torn === last && typeof row.step === 'number') {
        if (row.step <= upTo) kept.push(torn);
        torn = undefined;
      }
    } catch {
      // torn: dropped
    }
  }
  return { kept, torn };
}
