import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventEmitter } from 'eventemitter3';
import type { TrainerEvents } from '@prefopt/core';

/**
 * Subscribes a JSON-lines log to a trainer: one row per optimiser step (StepMetrics) and
 * one per evaluation (EvalMetrics), appended as they happen. On a resumed start, rows
 * after the resumed step are dropped first, so the file reads as one unbroken run.
 */
export function attachMetricsLog(events: EventEmitter<TrainerEvents>, file: string): void {
  events.on('start', ({ resumedFrom }) => {
    mkdirSync(dirname(file), { recursive: true });
    if (resumedFrom === undefined || !existsSync(file)) {
      writeFileSync(file, '');
      return;
    }
    const kept = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && (JSON.parse(line) as { step: number }).step <= resumedFrom);
    writeFileSync(file, kept.map((l) => `${l}\n`).join(''));
  });
  events.on('step', (m) => appendFileSync(file, `${JSON.stringify(m)}\n`));
  events.on('eval', (m) => appendFileSync(file, `${JSON.stringify(m)}\n`));
}
