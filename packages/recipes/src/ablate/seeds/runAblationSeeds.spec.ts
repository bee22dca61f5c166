import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textBuffer as buffer } from '@prefopt/testing';
import type { AblationSettings } from '../AblationSettings';
import type { AblationJob, JobResult } from '../AblationJob';
import type { AblationSummary } from '../../report/RunSummary';
import { runAblation, type JobRunner } from '../runAblation';

function settings(out: string): AblationSettings {
  return {
    title: 't',
    command: 'prefopt ablate … --seeds 2',
    out,
    backend: 'cpu',
    plugins: [],
    model: 'm.json',
    tokenizer: 'bytes',
    data: 'train.jsonl',
    evalData: 'heldout.jsonl',
    seed: 7,
    seeds: 2,
    parallel: 2,
    maxLength: 64,
    steps: 2,
    batchSize: 4,
    lr: 1e-3,
    warmupRatio: 0,
    runs: [
      { name: 'simpo', objective: 'simpo', options: {} },
      { name: 'dpo', objective: 'dpo', options: {}, training: { seed: 20 } },
    ],
    generation: { prompts: 2, maxNewTokens: 4, annotator: { name: 'bigger-number', options: {} } },
    notes: [],
    baselineName: 'base',
  };
}

/** Canned job output: the base passes prompt a only; a run's outcome depends on its seed. */
function result(job: AblationJob): JobResult {
  const odd = job.seed % 2 === 1;
  const trained = job.train !== undefined;
  return {
    name: job.name,
    eval: null,
    objectiveOptions: trained ? job.train!.options : null,
    stepMs: trained ? (odd ? 10 : 20) : null,
    stepCpuMs: trained ? 8 : null,
    accuracyNotLonger: null,
    peakRssMiB: odd ? 100 : 120,
    wallSec: 1,
    modelDir: null,
    pairResults: trained
      ? [
          { correct: true, chosenNotLonger: true, margin: 1 },
          { correct: odd, chosenNotLonger: false, margin: odd ? 1 : -1 },
        ]
      : undefined,
    generations: trained
      ? [
          { prompt: 'a', text: 'x', tokens: 2, score: 1 },
          { prompt: 'b', text: 'y', tokens: odd ? 4 : 8, score: odd ? 1 : 0 },
        ]
      : [
          { prompt: 'a', text: 'x', tokens: 2, score: 1 },
          { prompt: 'b', text: 'y', tokens: 2, score: 0 },
        ],
  };
}

describe('runAblation with --seeds 2 (canned jobs)', () => {
  it('trains every run once per seed, two at a time, and averages over seeds with intervals', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-seeds-'));
    const jobs: AblationJob[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const runner: JobRunner = async (job) => {
      jobs.push(job);
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((r) => setTimeout(r, 5));
      if (job.train) {
        mkdirSync(job.out, { recursive: true });
        writeFileSync(
          join(job.out, 'metrics.jsonl'),
          `${JSON.stringify({ step: 1, loss: 0.5 })}\n`,
        );
      }
      running--;
      return result(job);
    };
    const stdout = buffer();
    const stderr = buffer();
    const summary = await runAblation(settings(out), { stdout, stderr }, { runJob: runner });
    // seeds: the ablation's 7, 8; dpo's own grid seed 20, 21; the start evaluated once
    expect(jobs.map((j) => `${j.name}@${j.seed}`)).toEqual([
      'base@7',
      'simpo@7',
      'simpo@8',
      'dpo@20',
      'dpo@21',
    ]);
    expect(mostAtOnce).toBe(2);
    expect(jobs[1].out).toBe(join(out, 'simpo', 'seed-7'));
    expect(existsSync(join(out, 'dpo', 'seed-21', 'generations.jsonl'))).toBe(true);
    expect(summary.seeds).toEqual([7, 8]);
    const [simpo, dpo] = summary.runs;
    expect(simpo.seeds).toEqual([7, 8]);
    expect(dpo.seeds).toEqual([20, 21]);
    expect(simpo.metricsFile).toBe('simpo/seed-7/metrics.jsonl');
    // by hand, over (seed, pair) cells: correct 1, 1 (odd seed 7), 1, 0 (seed 8) → ¾
    expect(simpo.heldoutAccuracy).toBe(0.75);
    expect(simpo.heldoutAccuracyNotLonger).toBe(1);
    expect(simpo.heldoutMargin).toBe((1 + 1 + 1 - 1) / 4);
    // (seed, prompt) cells vs base (a: 1, b: 0): seed 7 ties a, wins b; seed 8 ties a, ties b
    expect(simpo.winRate).toBe((0.5 + 1 + 0.5 + 0.5) / 4);
    expect(simpo.ruleRate).toBe(0.75);
    expect(simpo.meanGenLength).toBe((2 + 4 + 2 + 8) / 4);
    expect(simpo.stepMs).toBe(15); // mean of 10 and 20
    expect(simpo.peakRssMiB).toBe(120); // the largest
    expect(Object.keys(simpo.intervals ?? {}).sort()).toEqual([
      'heldoutAccuracy',
      'heldoutAccuracyNotLonger',
      'heldoutMargin',
      'lcWinRate',
      'meanGenLength',
      'ruleRate',
      'winRate',
    ]);
    for (const [name, interval] of Object.entries(simpo.intervals!)) {
      expect(interval.value, name).toBe(simpo[name as keyof typeof simpo]);
      expect(interval.low).toBeLessThanOrEqual(interval.value);
      expect(interval.high).toBeGreaterThanOrEqual(interval.value);
    }
    expect(summary.baseline?.intervals?.ruleRate).toMatchObject({ value: 0.5, low: 0, high: 1 });
    const written = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AblationSummary;
    expect(written.runs).toEqual(summary.runs);
    // the printed table: mean [low, high]; rule 75.0% with interval [25%, 100%]
    expect(stdout.text).toMatch(/^simpo\s.*75\.0% \[25\.0, 100\.0\]/m);
    expect(stderr.text).toContain('done 4/4');
  });
});
