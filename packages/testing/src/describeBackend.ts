import * as tf from '@tensorflow/tfjs';
import type { BackendAdapter } from '@prefopt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOpChecks, type BackendCheck } from './backendOpChecks';
import { compareBackendValues, type BackendTolerance } from './compareBackendValues';
import { runBackendModel, type BackendModelCheck, type BackendModelRun } from './runBackendModel';

export interface DescribeBackendOptions {
  /** Op checks: |backend − cpu| ≤ atol + rtol·|cpu|. Default atol 1e-5, rtol 1e-4 (float32 reordering). */
  ops?: Partial<BackendTolerance>;
  /** Small-model check (logits, sequence log-probs, gradients of every weight) against cpu. */
  model?: BackendModelCheck & { tolerance?: Partial<BackendTolerance> };
}

const OPS: BackendTolerance = { atol: 1e-5, rtol: 1e-4 };
const MODEL: BackendTolerance = { atol: 1e-4, rtol: 1e-3 };

async function runCheck(check: BackendCheck): Promise<Float32Array[]> {
  const outs = tf.tidy(() => check.run(tf));
  const data = await Promise.all(outs.map(async (t) => Float32Array.from(await t.data())));
  tf.dispose(outs);
  return data;
}

/**
 * The backend conformance suite: every op check and the small-model check run on the
 * cpu backend first, then on `adapter`'s backend, and must agree within the stated
 * tolerance; each leaves `tf.memory().numTensors` unchanged. An adapter that is not
 * available here skips, printing why (its `activate()` message). Ends with a one-line
 * summary of the largest |difference| per check.
 */
export function describeBackend(
  adapter: BackendAdapter,
  options: DescribeBackendOptions = {},
): void {
  const ops = { ...OPS, ...options.ops };
  const modelTol = { ...MODEL, ...options.model?.tolerance };
  const expected = new Map<string, Float32Array[]>();
  const worst: string[] = [];
  let cpuModel: BackendModelRun | undefined;
  let available = false;

  describe(`backend conformance: ${adapter.name}`, () => {
    beforeAll(async () => {
      available = await adapter.isAvailable();
      if (!available) {
        const why = await adapter.activate().then(
          () => 'isAvailable() is false',
          (e: Error) => e.message,
        );
        console.log(`[skip] backend '${adapter.name}' is not available here: ${why}`);
        return;
      }
      tf.env().set('PROD', true);
      await tf.setBackend('cpu');
      for (const check of backendOpChecks) expected.set(check.name, await runCheck(check));
      if (options.model) cpuModel = await runBackendModel(tf, options.model);
      await adapter.activate();
      const info = await adapter.deviceInfo?.();
      console.log(
        `[describeBackend] '${adapter.name}' → tfjs '${tf.getBackend()}'${info ? ` on ${info.description}` : ''}`,
      );
    });

    afterAll(() => {
      if (worst.length)
        console.log(`[describeBackend] '${adapter.name}' max |diff| vs cpu: ${worst.join('; ')}`);
    });

    it('runs on its own backend, not cpu', (ctx) => {
      if (!available) return ctx.skip();
      if (adapter.name !== 'cpu') expect(tf.getBackend()).not.toBe('cpu');
      else expect(tf.getBackend()).toBe('cpu');
    });

    for (const check of backendOpChecks) {
      it(check.name, async (ctx) => {
        if (!available) return ctx.skip();
        const before = tf.memory().numTensors;
        const actual = await runCheck(check);
        expect(tf.memory().numTensors).toBe(before);
        const cpu = expected.get(check.name)!;
        expect(actual.length).toBe(cpu.length);
        let max = 0;
        actual.forEach((values, i) => {
          const c = compareBackendValues(`${check.name} output ${i}`, values, cpu[i], ops);
          expect(c.failure).toBeUndefined();
          max = Math.max(max, c.maxAbsDiff);
        });
        worst.push(`${check.name.split(/[ ,]/)[0]} ${max.toExponential(1)}`);
      });
    }

    if (options.model) {
      const check = options.model;
      it('small model: logits, sequence log-probs and weight gradients equal cpu', async (ctx) => {
        if (!available) return ctx.skip();
        const run = await runBackendModel(tf, check, cpuModel!.weights);
        expect(run.leakedTensors).toBe(0);
        expect(cpuModel!.leakedTensors).toBe(0);
        const parts: [string, Float32Array, Float32Array][] = [
          ['logits', run.logits, cpuModel!.logits],
          ['sequence logps', run.logps, cpuModel!.logps],
          ...run.grads.map((g, i): [string, Float32Array, Float32Array] => [
            `gradient ${i}`,
            g,
            cpuModel!.grads[i],
          ]),
        ];
        let gradMax = 0;
        for (const [what, actual, cpu] of parts) {
          const c = compareBackendValues(what, actual, cpu, modelTol);
          expect(c.failure).toBeUndefined();
          if (what.startsWith('gradient')) gradMax = Math.max(gradMax, c.maxAbsDiff);
          else worst.push(`model ${what} ${c.maxAbsDiff.toExponential(1)}`);
        }
        worst.push(`model gradients ${gradMax.toExponential(1)}`);
      });
    }
  });
}
