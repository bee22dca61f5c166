import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainerEvents } from '@prefopt/core';
import { attachPlainLog, attachProgressBar } from '@prefopt/trainer';
import { EventEmitter } from 'eventemitter3';
import type { CommandIo } from '../commands/Command';
import type { AblationSettings } from './AblationSettings';
import { generationStats, winRate, type AblationJob, type JobResult } from '@prefopt/recipes';
import { forkJob } from './job/forkJob';
import { formatTable } from './report/formatTable';
import { TABLE_LEGEND } from './report/tableLegend';
import type { AblationSummary, RunSummary } from './report/RunSummary';
import { writeReport } from './report/writeReport';

/** Runs a job; the default forks a worker process, tests may pass another runner. */
export type JobRunner = (
  job: AblationJob,
  events: EventEmitter<TrainerEvents>,
) => Promise<JobResult>;

/**
 * The ablation pipeline shared by `prefopt ablate` and `prefopt demo`: evaluate the starting
 * model once (unless `baseline` is given), train every run from it in its own process,
 * score greedy held-out generations against the start, then write summary.json,
 * report.html, per-run metrics.jsonl + generations.jsonl, and print the table.
 */
export async function runAblation(
  s: AblationSettings,
  io: CommandIo,
  options: { baseline?: JobResult; runJob?: JobRunner } = {},
): Promise<AblationSummary> {
  const run = options.runJob ?? forkJob;
  const events = new EventEmitter<TrainerEvents>();
  if (io.stderr.isTTY) attachProgressBar(events, io.stderr);
  else attachPlainLog(events, io.stderr, Math.max(1, Math.round(s.steps / 5)));
  mkdirSync(s.out, { recursive: true });
  const job = (name: string, train: AblationJob['train'], seed = s.seed): AblationJob => ({
    name,
    out: join(s.out, name),
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
    baseline = await run(job(s.baselineName, undefined), events);
  }
  writeGenerations(join(s.out, s.baselineName), baseline);
  const runs: RunSummary[] = [];
  for (const plan of s.runs) {
    io.stderr.write(`run ${runs.length + 1}/${s.runs.length}: ${plan.name}\n`);
    const steps = plan.training?.steps ?? s.steps;
    const result = await run(
      job(
        plan.name,
        {
          objective: plan.objective,
          options: plan.options,
          settings: plan.settings,
          steps,
          batchSize: plan.training?.batchSize ?? s.batchSize,
          lr: plan.training?.lr ?? s.lr,
          warmupRatio: plan.training?.warmupRatio ?? s.warmupRatio,
          saveModel: false,
        },
        plan.training?.seed ?? s.seed,
      ),
      events,
    );
    writeGenerations(join(s.out, plan.name), result);
    const stats = generationStats(result.generations);
    runs.push({
      name: plan.name,
      objective: plan.objective,
      options: result.objectiveOptions ?? plan.options,
      training: plan.training ?? {},
      steps,
      heldoutAccuracy: result.eval?.['eval/rewards/accuracies'] ?? null,
      heldoutAccuracyNotLonger: result.accuracyNotLonger?.accuracy ?? null,
      heldoutMargin: result.eval?.['eval/rewards/margins'] ?? null,
      winRate: winRate(result.generations, baseline.generations),
      ruleRate: stats.meanScore,
      meanGenLength: stats.meanTokens,
      stepMs: result.stepMs ?? 0,
      stepCpuMs: result.stepCpuMs ?? 0,
      peakRssMiB: result.peakRssMiB,
      wallSec: result.wallSec,
      metricsFile: `${plan.name}/metrics.jsonl`,
    });
  }
  const base = generationStats(baseline.generations);
  const summary: AblationSummary = {
    title: s.title,
    command: s.command,
    seed: s.seed,
    backend: s.backend,
    createdAt: new Date().toISOString(),
    baseline: {
      name: s.baselineName,
      ruleRate: base.meanScore,
      meanGenLength: base.meanTokens,
      wallSec: baseline.wallSec,
    },
    runs,
    notes: s.notes,
  };
  const { summaryFile, reportFile } = writeReport(s.out, summary);
  io.stdout.write(
    `\n${formatTable(summary)}${TABLE_LEGEND}\nwrote ${summaryFile}\nwrote ${reportFile}\n`,
  );
  return summary;
}

function writeGenerations(dir: string, result: JobResult): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'generations.jsonl'),
    result.generations.map((g) => JSON.stringify(g)).join('\n') + '\n',
  );
}
