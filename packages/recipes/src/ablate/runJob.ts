import { join } from 'node:path';
import type { Annotator, EvalMetrics, Objective, OptionValue, TrainerEvents } from '@prefopt/core';
import { assertTokenizerFits, loadTokenizer } from '@prefopt/data';
import { saveModel } from '@prefopt/model';
import type { LoraSettings } from '../lora/LoraSettings';
import { buildTraining } from '../recipe/buildTraining';
import { buildPolicy } from '../train/buildPolicy';
import type { AblationJob, Generation, JobResult } from './AblationJob';
import { greedyContinuations } from './greedyContinuations';
import { plainModel } from './jobPolicy';
import { loadJobData } from './loadJobData';
import { accuracyWhereChosenNotLonger, pairLogps, pairRewards } from './pairRewards';
import { perPairResults } from './perPairResults';

/** What an ablation run looks up outside itself, given by the composition root. */
export interface AblationLookups {
  /** Makes the job's backend (`auto` or a name) active with `threads`. */
  activateBackend(name: string, threads: number | undefined): Promise<void>;
  /** A paired objective by name, configured with the grid's options. */
  resolveObjective(name: string, options: Record<string, OptionValue>): Promise<Objective>;
  /** A configured annotator by name (a config error names the built-ins). */
  annotator(name: string, options: Record<string, unknown>): Annotator;
  /** The grid's LoRA / TR-DPO settings (`loraRank`, `refSyncAlpha`, …) read as train's flags. */
  loraSettings(settings: Record<string, OptionValue> | undefined): LoraSettings;
}

type Emit = <K extends keyof TrainerEvents>(event: K, payload: TrainerEvents[K][0]) => void;

/**
 * One ablation run, inside its own process (so peak RSS is the run's own): activate the
 * backend, open model and data, train the objective (if any) with metrics.jsonl and a
 * held-out evaluation at the end, then continue held-out prompts greedily and score them.
 */
export async function runJob(
  job: AblationJob,
  lookups: AblationLookups,
  emit: Emit,
): Promise<JobResult> {
  const started = performance.now();
  await lookups.activateBackend(job.backend, job.threads);
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
    const data = await loadJobData(job.data, tokenizer, job.maxLength);
    const evalBatch = Math.max(t.batchSize, 16);
    const run = await buildTraining(
      {
        objective: t.objective,
        model: policy, // still ours: LoRA (from the grid) wraps it
        seed: job.seed,
        lora: lookups.loraSettings(t.settings),
        data: { pairs: data.pairs, eval: held.pairs, evalBatchSize: evalBatch },
        batchSize: t.batchSize,
        lr: t.lr,
        lrScheduler: 'cosine',
        warmupSteps: Math.round(t.warmupRatio * t.steps),
        maxSteps: t.steps,
        evalEvery: t.steps,
        reporters: { metrics: join(job.out, 'metrics.jsonl') },
        run: { ablation: job.name },
      },
      { resolveObjective: (name) => lookups.resolveObjective(name, t.options) },
    );
    const objective = run.objective as Objective;
    objectiveOptions = { ...objective.options };
    // The initial policy is the reference: its held-out log-probs, for the per-pair rewards below.
    const initial = objective.requiresReference
      ? pairLogps(policy, held.pairs, evalBatch)
      : undefined;
    const { trainer } = run;
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
      await run.run();
    } finally {
      run.dispose(); // the trainer; the policy stays ours
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
  const generations = await generate(job, lookups, policy, tokenizer, held.prompts);
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
  lookups: AblationLookups,
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
    const annotator = lookups.annotator(g.annotator.name, g.annotator.options);
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
