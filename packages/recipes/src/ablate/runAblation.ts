import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainerEvents } from '@prefopt/core';
import { attachPlainLog, attachProgressBar } from '@prefopt/trainer';
import { EventEmitter } from 'eventemitter3';
import type { AblationIo } from './AblationIo';
import type { AblationSettings } from './AblationSettings';
import type { AblationJob, JobResult, JobTraining } from './AblationJob';
import type { RunPlan } from '../grid/RunPlan';
import { TABLE_LEGEND } from '../report/tableLegend';
import type { AblationSummary, RunSummary } from '../report/RunSummary';
import { writeReport } from '../report/writeReport';
import { formatTable } from '../report/formatTable';
import { runPool } from './seeds/runPool';
import { baselineFigures } from './seeds/seedFigures';
import { seedList } from './seeds/seedList';
import { summarizeRun } from './seeds/summarizeRun';

/** Runs a job: the CLI forks a worker process (its `forkJob`), specs may pass another runner. */
export type JobRunner = (
  job: AblationJob,
  events: EventEmitter<TrainerEvents>,
) => Promise<JobResult>;

/**
 * The ablation pipeline shared by `prefopt ablate` and `prefopt demo`: evaluate the starting
 * model once (unless `baseline` is given), train every run from it in its own process, once
 * per seed (`seeds`; `parallel` processes at a time), score greedy held-out generations
 * against the start, then write summary.json (each figure's mean over the seeds and, with
 * several seeds, its 95% bootstrap interval: `seeds/seedFigures`), report.html, per run
 * (and seed) metrics.jsonl + generations.jsonl, and print the table.
 */
export async function runAblation(
  s: AblationSettings,
  io: AblationIo,
  options: { baseline?: JobResult; runJob: JobRunner },
): Promise<AblationSummary> {
  const run = options.runJob;
  const seedCount = s.seeds ?? 1;
  const parallel = s.parallel ?? 1;
  const events = new EventEmitter<TrainerEvents>();
  // Step lines of parallel runs would interleave: then only each run's start and end are shown.
  if (parallel === 1) {
    if (io.stderr.isTTY) attachProgressBar(events, io.stderr);
    else attachPlainLog(events, io.stderr, Math.max(1, Math.round(s.steps / 5)));
  }
  mkdirSync(s.out, { recursive: true });
  const job = (name: string, out: string, train: AblationJob['train'], seed = s.seed) => ({
    name,
    out: join(s.out, out),
    backend: s.backend,
    threads: s.threads,
    plugins: s.plugins,
    model: s.model,
    tokenizer: s.tokenizer,
    seed,
    data: s.data,
    evalData: s.evalData,
    maxLength: s.maxLength,
    train,
    generation: s.generation,
  });
  let baseline = options.baseline;
  if (!baseline) {
    io.stderr.write(`evaluating the starting model ${s.model}\n`);
    baseline = await run(job(s.baselineName, s.baselineName, undefined), events);
  }
  writeGenerations(join(s.out, s.baselineName), baseline);
  const cells = s.runs.flatMap((plan) =>
    seedList(plan.training?.seed ?? s.seed, seedCount).map((seed) => ({ plan, seed })),
  );
  const started = performance.now();
  let done = 0;
  const results = await runPool(
    cells.map(({ plan, seed }, i) => async () => {
      const label = seedCount > 1 ? `${plan.name} (seed ${seed})` : plan.name;
      io.stderr.write(`run ${i + 1}/${cells.length}: ${label}\n`);
      const folder = seedCount > 1 ? join(plan.name, `seed-${seed}`) : plan.name;
      const result = await run(
        job(plan.name, folder, trainingOf(plan, s), seed),
        parallel === 1 ? events : new EventEmitter<TrainerEvents>(),
      );
      writeGenerations(join(s.out, folder), result);
      done++;
      io.stderr.write(
        `done ${done}/${cells.length}: ${label} in ${result.wallSec.toFixed(1)} s ` +
          `(${((performance.now() - started) / 1000).toFixed(0)} s since the first run)\n`,
      );
      return { plan, seed, folder, result };
    }),
    parallel,
  );
  const runs: RunSummary[] = s.runs.map((plan) => {
    const mine = results.filter((r) => r.plan === plan);
    const run = summarizeRun(
      plan,
      trainingOf(plan, s).steps,
      mine.map((r) => ({ seed: r.seed, result: r.result, baseline: baseline! })),
      `${mine[0].folder}/metrics.jsonl`,
    );
    if (mine.length > 1) run.metricsFiles = mine.map((r) => `${r.folder}/metrics.jsonl`);
    return run;
  });
  const base = baselineFigures([baseline]);
  const seeds = seedList(s.seed, seedCount);
  const summary: AblationSummary = {
    title: s.title,
    command: s.command,
    seed: s.seed,
    ...(seedCount > 1 ? { seeds } : {}),
    backend: s.backend,
    createdAt: new Date().toISOString(),
    baseline: {
      name: s.baselineName,
      ruleRate: base.values.ruleRate,
      meanGenLength: base.values.meanGenLength,
      wallSec: baseline.wallSec,
      ...(seedCount > 1 ? { intervals: base.intervals } : {}),
    },
    runs,
    notes: s.notes,
  };
  const { summaryFile, reportFile } = writeReport(s.out, summary);
  io.stdout.write(
    `\n${formatTable(summary)}${TABLE_LEGEND}` + `\nwrote ${summaryFile}\nwrote ${reportFile}\n`,
  );
  return summary;
}

function trainingOf(plan: RunPlan, s: AblationSettings): JobTraining {
  return {
    objective: plan.objective,
    options: plan.options,
    settings: plan.settings,
    steps: plan.training?.steps ?? s.steps,
    batchSize: plan.training?.batchSize ?? s.batchSize,
    lr: plan.training?.lr ?? s.lr,
    warmupRatio: plan.training?.warmupRatio ?? s.warmupRatio,
    saveModel: false,
  };
}

function writeGenerations(dir: string, result: JobResult): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'generations.jsonl'),
    result.generations.map((g) => JSON.stringify(g)).join('\n') + '\n',
  );
}
