import { join } from 'node:path';
import {
  ANNOTATOR_FACTORY,
  PrefoptError,
  type AnnotatorFactory,
  type EvalMetrics,
  type TrainerEvents,
} from '@prefopt/core';
import { assertTokenizerFits, loadTokenizer } from '@prefopt/data';
import { saveModel } from '@prefopt/model';
import { attachMetricsLog, PairBatchStream, Trainer } from '@prefopt/trainer';
import type { Container } from 'inversify';
import { resolveBackend } from '../../backend/resolveBackend';
import { refuseUnpaired } from '../../objectives/refuseUnpaired';
import { resolveObjectiveFactory } from '../../objectives/resolveObjectiveFactory';
import { buildPolicy } from '../../train/buildPolicy';
import type { AblationJob, Generation, JobResult } from './AblationJob';
import { greedyContinuations } from './greedyContinuations';
import { jobPolicy, plainModel } from './jobPolicy';
import { loadJobData } from './loadJobData';
import { accuracyWhereChosenNotLonger, pairLogps, pairRewards } from './pairRewards';
import { perPairResults } from './perPairResults';

type Emit = <K extends keyof TrainerEvents>(event: K, payload: TrainerEvents[K][0]) => void;

/**
 * One ablation run, inside its own process (so peak RSS is the run's own): activate the
 * backend, open model and data, train the objective (if any) with metrics.jsonl and a
 * held-out evaluation at the end, then continue held-out prompts greedily and score them.
 */
export async function runJob(
  job: AblationJob,
  container: Container,
  emit: Emit,
  stderr: { write(t: string): unknown },
): Promise<JobResult> {
  const started = performance.now();
  const adapter = await resolveBackend(container, job.backend, stderr);
  await adapter.activate({ threads: job.threads });
  const tokenizer = loadTokenizer(job.tokenizer);
  let policy = buildPolicy(job.model, job.seed);
  assertTokenizerFits(tokenizer, policy);
  const held = await loadJobData(job.evalData, tokenizer, job.maxLength);
  let evalMetrics: EvalMetrics | null = null;
  let objectiveOptions: JobResult['objectiveOptions'] = null;
  let stepMs: number | null = null;
  let stepCpuMs: number | null = null;
  let accuracyNotLonger: JobResult['accuracyNotLonger'] = null;
  let modelDir: string | null = null;
  let pairResults: JobResult['pairResults'];
  if (job.train) {
    const t = job.train;
    const factory = refuseUnpaired(
      await resolveObjectiveFactory(container, t.objective, async () => []),
      t.objective,
    );
    const objective = factory(t.options);
    objectiveOptions = { ...objective.options };
    const data = await loadJobData(job.data, tokenizer, job.maxLength);
    const evalBatch = Math.max(t.batchSize, 16);
    // The initial policy is the reference: its held-out log-probs, for the per-pair rewards below.
    const initial = objective.requiresReference
      ? pairLogps(policy, held.pairs, evalBatch)
      : undefined;
    const run = jobPolicy(policy, t.settings, job.seed); // LoRA / TR-DPO from the grid
    const trainer = new Trainer({
      policy: run.policy,
      objective,
      train: new PairBatchStream(data.pairs, { batchSize: t.batchSize, seed: job.seed }),
      eval: () => PairBatchStream.inOrder(held.pairs, evalBatch),
      reference: run.reference,
      schedule: { lr: t.lr, warmupSteps: Math.round(t.warmupRatio * t.steps), decay: 'cosine' },
      totalSteps: t.steps,
      evalEvery: t.steps,
      run: { ablation: job.name },
    });
    attachMetricsLog(trainer, join(job.out, 'metrics.jsonl'));
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let last = 0;
    let lastCpu = 0;
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const mark = () => {
      last = performance.now();
      lastCpu = cpuNow();
    };
    trainer.on('start', (info) => {
      mark();
      emit('start', info);
    });
    trainer.on('step', (m) => {
      times.push(performance.now() - last);
      cpuTimes.push(cpuNow() - lastCpu);
      emit('step', m); // sending is not part of the step: marked after
      mark();
    });
    trainer.on('eval', (m) => {
      evalMetrics = m;
      emit('eval', m);
      mark(); // the evaluation is not a step
    });
    trainer.on('end', (e) => emit('end', e));
    try {
      await trainer.run();
    } finally {
      trainer.dispose();
    }
    stepMs = median(times);
    stepCpuMs = median(cpuTimes);
    const final = pairLogps(run.policy, held.pairs, evalBatch);
    policy = await plainModel(run.policy);
    const rewards = pairRewards(objective, final, initial);
    accuracyNotLonger = accuracyWhereChosenNotLonger(rewards, final.lengths);
    pairResults = perPairResults(rewards, final.lengths);
    if (t.saveModel) {
      modelDir = join(job.out, 'model');
      await saveModel(policy, modelDir, {
        tokenizer: job.tokenizer,
        tokens: { bosId: tokenizer.bosId, eosId: tokenizer.eosId },
      });
    }
  }
  const generations = await generate(job, container, policy, tokenizer, held.prompts);
  policy.dispose();
  return {
    name: job.name,
    eval: evalMetrics,
    objectiveOptions,
    stepMs,
    stepCpuMs,
    accuracyNotLonger,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    wallSec: (performance.now() - started) / 1000,
    generations,
    modelDir,
    pairResults,
  };
}

async function generate(
  job: AblationJob,
  container: Container,
  policy: Parameters<typeof greedyContinuations>[0],
  tokenizer: Parameters<typeof greedyContinuations>[1],
  heldPrompts: string[],
): Promise<Generation[]> {
  const g = job.generation;
  const prompts = heldPrompts.slice(0, g.prompts);
  if (prompts.length === 0) return [];
  const texts = greedyContinuations(policy, tokenizer, prompts, g.maxNewTokens);
  let scores: (number | null)[] = prompts.map(() => null);
  if (g.annotator) {
    const name = g.annotator.name;
    if (!container.isBound(ANNOTATOR_FACTORY, { name })) {
      throw new PrefoptError(
        'config',
        `unknown annotator '${name}'. Built-ins: contains-word, regex, bigger-number; a third-party one needs --plugin.`,
      );
    }
    const annotator = container.get<AnnotatorFactory>(ANNOTATOR_FACTORY, { name })(
      g.annotator.options,
    );
    scores = [];
    for (let i = 0; i < prompts.length; i++)
      scores.push((await annotator.score(prompts[i], [texts[i].text]))[0]);
  }
  return prompts.map((prompt, i) => ({
    prompt,
    text: texts[i].text,
    tokens: texts[i].tokens,
    score: scores[i],
  }));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
