import * as tf from '@tensorflow/tfjs';
import { PrefoptError, type UnpairedObjectiveFactory, type ObjectiveState } from '@prefopt/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNear } from './describeTokenObjective';
import { trlObjectives, trlUnpairedInputs } from './trlObjectives';
import { useCpuBackend } from './useCpuBackend';

const maskedMean = (xs: ArrayLike<number>, labels: boolean[], want: boolean) => {
  const v = Array.from(xs).filter((_, i) => labels[i] === want);
  return v.reduce((a, b) => a + b, 0) / v.length;
};

/**
 * The conformance suite of an unpaired objective (KTO, BCO): against TRL's own code on the
 * committed fixture, loss, the KL estimate, reward means over desirable / undesirable
 * examples and d loss / d policy log-probs; a stateful objective is run for the fixture's
 * steps with its state carried from one step to the next (TRL's running moments); outputs
 * are [] / [N]; no tensor is left behind; missing reference or KL inputs are input errors.
 */
export function describeUnpairedObjective(factory: UnpairedObjectiveFactory): void {
  const fixture = trlObjectives();
  const cases = fixture.cases.filter((c) => c.objective === factory.objectiveName);
  const labels = fixture.unpaired.labels;
  describe(`unpaired objective conformance against TRL ${fixture.versions.trl}: ${factory.objectiveName}`, () => {
    beforeAll(async () => {
      await useCpuBackend();
    });
    it('has fixture cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) {
      const steps = c.steps ?? [
        {
          policy: fixture.unpaired.policy,
          loss: c.loss!,
          rewardsChosenMean: c.rewardsChosenMean!,
          rewardsRejectedMean: c.rewardsRejectedMean!,
          gradPolicy: c.gradPolicy!,
          state: undefined,
          delta: undefined,
        },
      ];
      it(`${c.case}: equals TRL${steps.length > 1 ? ' at every step, state carried' : ''}`, () => {
        const objective = factory(c.options as never);
        const before = tf.memory().numTensors;
        let state: ObjectiveState | undefined;
        steps.forEach((step, k) => {
          const policy = tf.tensor1d(step.policy); // [N]
          const read = tf.tidy(() => {
            const inputs = { ...trlUnpairedInputs(policy), ...(state ? { state } : {}) };
            const out = objective.compute(inputs);
            expect(out.loss.shape).toEqual([]);
            expect(out.losses.shape).toEqual([step.policy.length]);
            expect(out.rewards.shape).toEqual([step.policy.length]);
            const g = tf.grad(
              (p: tf.Tensor) => objective.compute({ ...inputs, policy: p as tf.Tensor1D }).loss,
            )(policy);
            const next = out.state
              ? Object.fromEntries(Object.entries(out.state).map(([n, v]) => [n, tf.keep(v)]))
              : undefined;
            return {
              loss: out.loss.dataSync()[0],
              rewards: out.rewards.dataSync(),
              kl: out.kl?.dataSync()[0],
              grad: Array.from(g.dataSync()),
              next,
            };
          });
          policy.dispose();
          if (state) tf.dispose(Object.values(state));
          state = read.next;
          const at = steps.length > 1 ? `step ${k + 1} ` : '';
          expectNear(read.loss, step.loss, `${at}loss`);
          expectNear(
            maskedMean(read.rewards, labels, true),
            step.rewardsChosenMean,
            `${at}rewards/chosen`,
          );
          expectNear(
            maskedMean(read.rewards, labels, false),
            step.rewardsRejectedMean,
            `${at}rewards/rejected`,
          );
          if (c.kl !== undefined) expectNear(read.kl!, c.kl, 'kl');
          read.grad.forEach((g, i) =>
            expectNear(g, step.gradPolicy[i], `${at}d loss/d policy[${i}]`),
          );
          if (step.state) {
            expect(state, 'a stateful objective returns its next state').toBeDefined();
            for (const [name, v] of Object.entries(step.state)) {
              const got = state![name].dataSync()[0];
              // count starts at 1e-24 in TRL; compare relatively
              expectNear(got, v, `${at}state.${name}`);
            }
          }
        });
        if (state) tf.dispose(Object.values(state));
        expect(tf.memory().numTensors).toBe(before);
      });
    }
    it('refuses missing reference or KL inputs with input errors', () => {
      const objective = factory();
      const policy = tf.tensor1d(fixture.unpaired.policy);
      const inputs = trlUnpairedInputs(policy);
      if (objective.requiresReference) {
        const call = () => objective.compute({ ...inputs, reference: undefined });
        expect(call).toThrow(/inputs\.reference is missing/);
        expect(() => call()).toThrow(PrefoptError);
      }
      if (objective.requiresKl) {
        expect(() => objective.compute({ ...inputs, kl: undefined })).toThrow(
          /inputs\.kl\.policy is missing/,
        );
      }
      expect(() => objective.compute({ ...inputs, labels: tf.tensor1d([1]) })).toThrow(
        /labels has shape \[1\]/,
      );
      tf.dispose([
        policy,
        inputs.reference!,
        inputs.lengths,
        inputs.labels,
        inputs.kl!.policy,
        inputs.kl!.reference,
      ]);
    });
  });
}
