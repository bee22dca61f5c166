import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PrefoptError, type PrefoptErrorKind, type TrainerEvents } from '@prefopt/core';
import type { EventEmitter } from 'eventemitter3';
import type { AblationJob, JobResult, WorkerMessage } from '@prefopt/recipes';

const BIN = fileURLToPath(new URL('../../../bin/prefopt.mjs', import.meta.url));

/**
 * Runs a job in a fresh `prefopt ablate --worker` process (its peak RSS is the run's own,
 * and runs cannot leak tensors or backend state into each other). The worker's trainer
 * events are re-emitted on `events`, so a progress bar in this process can draw them.
 */
export function forkJob(job: AblationJob, events: EventEmitter<TrainerEvents>): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const args = ['ablate', '--worker', ...job.plugins.flatMap((p) => ['--plugin', p])];
    const child = fork(BIN, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    child.on('message', (raw) => {
      const msg = raw as WorkerMessage;
      if (msg.type === 'event') {
        (events.emit as (e: string, p: unknown) => boolean)(msg.event, msg.payload);
      } else if (msg.type === 'result') {
        settled = true;
        resolve(msg.result);
      } else if (msg.type === 'error') {
        fail(
          new PrefoptError(
            (msg.kind ?? 'io') as PrefoptErrorKind,
            `run '${job.name}': ${msg.message}`,
          ),
        );
      }
    });
    child.on('error', (e) =>
      fail(new PrefoptError('io', `run '${job.name}': cannot start a worker (${e.message}).`)),
    );
    child.on('exit', (code, signal) => {
      fail(
        new PrefoptError(
          'io',
          `run '${job.name}': worker exited (${signal ?? `code ${code}`}) before reporting a result.`,
        ),
      );
    });
    child.send(job);
  });
}
