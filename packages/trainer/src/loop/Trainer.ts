import * as tf from '@tensorflow/tfjs-core';
import { EventEmitter } from 'eventemitter3';
import { PrefoptError, type StepMetrics, type TrainerEvents } from '@prefopt/core';
import type { TrainerState } from '../checkpoint/TrainerState';
import { AdamW, type PreparedUpdate } from '../optim/AdamW';
import { learningRate } from '../optim/learningRate';
import type { ReferenceSource } from '../reference/ReferenceSource';
import { evaluate } from './evaluate';
import { MetricsMean } from './MetricsMean';
import { ObjectiveStateCarrier } from './ObjectiveStateCarrier';
import { microStep } from './microStep';
import { assertFiniteWeights, numericStopError } from './numericGuard';
import type { TrainerOptions } from './TrainerOptions';

/**
 * The preference-optimisation loop. It asks the objective one question, once:
 * `requiresReference`. Loggers and progress bars subscribe to its typed events; the loop
 * only emits. Checkpoints are part of the loop's state machine (they must capture the
 * exact state between two steps), written through the CheckpointStore it is given.
 */
export class Trainer extends EventEmitter<TrainerEvents> {
  readonly requiresReference: boolean;
  private readonly o: TrainerOptions;
  private readonly optimizer: AdamW;
  private stepsDone = 0;
  private epoch = 0;
  private stopRequested = false;
  private lastMetrics: StepMetrics | undefined;
  /** A stateful objective's state (objective contract v2); undefined for pure objectives. */
  private readonly objectiveState: ObjectiveStateCarrier | undefined;

  constructor(options: TrainerOptions) {
    super();
    this.o = options;
    this.requiresReference = options.objective.requiresReference;
    if (this.requiresReference && !options.reference) {
      throw new PrefoptError(
        'config',
        `objective '${options.objective.name}' requires a reference model; give the Trainer a reference source (a frozen copy of the policy or --precompute-ref).`,
      );
    }
    for (const [name, v] of [
      ['totalSteps', options.totalSteps],
      ['gradAccum', options.gradAccum ?? 1],
    ] as const) {
      if (!Number.isInteger(v) || v < 1)
        throw new PrefoptError('config', `${name} must be an integer >= 1, got ${v}.`);
    }
    this.optimizer = new AdamW(options.policy.trainableVariables, options.optimizer);
    const spec = options.objective.state;
    this.objectiveState = spec
      ? new ObjectiveStateCarrier(spec, options.resume?.state.objectiveState)
      : undefined;
    if (options.resume) {
      this.optimizer.setState(options.resume.optimizer);
      options.train.restore(options.resume.state.data);
      this.stepsDone = options.resume.state.step;
      this.epoch = options.resume.state.epoch;
    }
  }

  /** Asks the loop to stop after the current step, write a checkpoint and throw 'interrupted'. */
  requestStop(): void {
    this.stopRequested = true;
  }

  /** Runs to `totalSteps`; resolves with the last step's metrics. */
  async run(): Promise<StepMetrics | undefined> {
    const o = this.o;
    const reference: ReferenceSource | undefined = this.requiresReference
      ? await o.reference!()
      : undefined;
    const resumedFrom = o.resume ? this.stepsDone : undefined;
    this.emit('start', {
      totalSteps: o.totalSteps,
      objective: o.objective.name,
      requiresReference: this.requiresReference,
      resumedFrom,
    });
    let lastSaved = resumedFrom ?? -1;
    let lastDir: string | undefined;
    try {
      while (this.stepsDone < o.totalSteps) {
        const metrics = await this.step(reference);
        this.lastMetrics = metrics;
        this.emit('step', metrics);
        const s = this.stepsDone;
        if (o.evalEvery && o.eval && (s % o.evalEvery === 0 || s === o.totalSteps)) {
          this.emit(
            'eval',
            await evaluate(
              s,
              o.policy,
              o.objective,
              o.eval(),
              reference,
              this.objectiveState?.current,
            ),
          );
        }
        if (o.checkpoints && o.saveEvery && s % o.saveEvery === 0) {
          lastDir = await this.save('interval');
          lastSaved = s;
        }
        await new Promise((resolve) => setImmediate(resolve)); // let SIGINT handlers run
        if (this.stopRequested && s < o.totalSteps) {
          const dir = o.checkpoints && lastSaved !== s ? await this.save('interrupt') : lastDir;
          this.emit('end', { steps: s, stopped: 'interrupted' });
          throw new PrefoptError(
            'interrupted',
            `stopped at step ${s}${dir ? `; checkpoint written to ${dir}. Continue with --resume ${dir}` : ''}.`,
          );
        }
      }
      if (o.checkpoints && lastSaved !== this.stepsDone) await this.save('final');
      this.emit('end', { steps: this.stepsDone, stopped: 'completed' });
      return this.lastMetrics;
    } catch (e) {
      if (!PrefoptError.is(e, 'interrupted'))
        this.emit('end', { steps: this.stepsDone, stopped: 'error' });
      throw e;
    } finally {
      reference?.dispose();
    }
  }

  /**
   * One optimiser step over `gradAccum` micro-batches. Leaves the tensor count unchanged.
   * Reads back only with `await data()` (loss metrics, gradient norm), so it runs on webgpu.
   */
  private async step(reference: ReferenceSource | undefined): Promise<StepMetrics> {
    const o = this.o;
    const accum = o.gradAccum ?? 1;
    const started = performance.now();
    const mean = new MetricsMean();
    let tokens = 0;
    let sum: tf.Tensor[] | undefined;
    try {
      for (let i = 0; i < accum; i++) {
        const batch = o.train.next();
        tokens += 2 * batch.size * batch.seqLen;
        const { grads, stats } = await microStep(
          o.policy,
          o.objective,
          batch,
          reference,
          undefined,
          this.objectiveState,
        );
        mean.add(stats);
        if (!sum) sum = grads;
        else {
          const next = sum.map((g, j) => tf.add(g, grads[j]));
          tf.dispose([...sum, ...grads]);
          sum = next;
        }
      }
    } catch (e) {
      if (sum) tf.dispose(sum); // a failed micro-batch leaves no gradient behind
      throw e;
    }
    const scaled = accum === 1 ? sum! : sum!.map((g) => tf.div(g, accum));
    if (accum !== 1) tf.dispose(sum!);
    let update: PreparedUpdate; // clipping + AdamW (one fused pass with lever flatAdamW)
    try {
      update = await this.optimizer.prepare(scaled, o.maxGradNorm ?? 1);
    } finally {
      tf.dispose(scaled);
    }
    const norm = update.norm;
    const m = mean.mean();
    const step = this.stepsDone + 1;
    if (!Number.isFinite(m.loss) || !Number.isFinite(norm)) {
      update.discard();
      const what = !Number.isFinite(m.loss) ? `loss is ${m.loss}` : `gradient norm is ${norm}`;
      throw await numericStopError(step, what, o.policy, o.checkpoints);
    }
    const lr = learningRate(step, { ...o.schedule, totalSteps: o.totalSteps });
    update.apply(lr);
    this.stepsDone = step;
    reference?.afterStep?.(step); // TR-DPO: the reference follows the policy
    this.epoch = (step * accum) / o.train.batchesPerEpoch;
    const seconds = (performance.now() - started) / 1000;
    return {
      step,
      epoch: this.epoch,
      ...m,
      lr,
      grad_norm: norm,
      tokens_per_sec: tokens / Math.max(seconds, 1e-9),
    };
  }

  private async save(reason: 'interval' | 'interrupt' | 'final'): Promise<string> {
    const o = this.o;
    await assertFiniteWeights(this.stepsDone, o.policy, o.checkpoints!);
    const opt = await this.optimizer.getState();
    const state: TrainerState = {
      format: 'prefopt-trainer/1',
      step: this.stepsDone,
      epoch: this.epoch,
      totalSteps: o.totalSteps,
      data: o.train.position(),
      optimizer: {
        step: opt.step,
        names: opt.names,
        sizes: opt.m.map((a) => a.length),
        settings: this.optimizer.settings,
      },
      objective: { name: o.objective.name, options: { ...o.objective.options } },
      run: o.run ?? null,
      lastMetrics: this.lastMetrics,
      ...(this.objectiveState ? { objectiveState: await this.objectiveState.values() } : {}),
    };
    const dir = await o.checkpoints!.write(state, opt);
    this.emit('checkpoint', { step: this.stepsDone, dir, reason });
    return dir;
  }

  /** Frees the optimiser's moments (the policy belongs to the caller). */
  dispose(): void {
    this.optimizer.dispose();
    this.objectiveState?.dispose();
  }
}
