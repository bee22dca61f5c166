import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AblationSettings } from './AblationSettings';
import type { AblationJob, JobResult } from './AblationJob';
import type { AblationSummary } from '../report/RunSummary';
import { textBuffer as buffer } from '@prefopt/testing';
import { runAblation, type JobRunner } from './runAblation';

function settings(out: string): AblationSettings {
  return {
    title: 't',
    command: 'prefopt ablate …',
    out,
    backend: 'cpu',
    plugins: [],
    model: 'm.json',
    tokenizer: 'bytes',
    data: 'train.jsonl',
    evalData: 'heldout.jsonl',
    seed: 7,
    maxLength: 64,
    steps: 2,
    batchSize: 4,
    lr: 1e-3,
    warmupRatio: 0,
    runs: [
      { name: 'simpo', objective: 'simpo', options: { gamma: 1 } },
      { name: 'dpo', objective: 'dpo', options: {} },
    ],
    generation: { prompts: 2, maxNewTokens: 4, annotator: { name: 'bigger-number', options: {} } },
    notes: [],
    baselineName: 'base',
  };
}

// Canned scores per job: base passes prompt a only; simpo passes both; dpo passes neither.
const SCORES: Record<string, [number, number]> = { base: [1, 0], simpo: [1, 1], dpo: [0, 0] };

describe('runAblation', () => {
  it('evaluates the start, trains every run with the same settings, and scores win rates against the start', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-run-ablation-'));
    const jobs: AblationJob[] = [];
    const runner: JobRunner = async (job) => {
      jobs.push(job);
      if (job.train) {
        mkdirSync(job.out, { recursive: true });
        writeFileSync(
          join(job.out, 'metrics.jsonl'),
          `${JSON.stringify({ step: 1, loss: 0.5 })}\n`,
        );
      }
      const [a, b] = SCORES[job.name];
      return {
        name: job.name,
        eval: job.train
          ? ({
              step: 2,
              'eval/rewards/accuracies': 0.75,
              'eval/rewards/margins': 0.25,
            } as JobResult['eval'])
          : null,
        objectiveOptions: job.train ? { ...job.train.options, beta: 2 } : null,
        stepMs: job.train ? 10 : null,
        stepCpuMs: job.train ? 8 : null,
        accuracyNotLonger: job.train ? { accuracy: 0.5, pairs: 2 } : null,
        peakRssMiB: 100,
        wallSec: 1,
        modelDir: null,
        generations: [
          { prompt: 'a', text: 'x', tokens: 3, score: a },
          { prompt: 'b', text: 'y', tokens: job.name === 'dpo' ? 9 : 5, score: b },
        ],
      };
    };
    const stdout = buffer();
    const summary = await runAblation(
      settings(out),
      { stdout, stderr: buffer() },
      { runJob: runner },
    );
    expect(jobs.map((j) => j.name)).toEqual(['base', 'simpo', 'dpo']);
    expect(jobs[0].train).toBeUndefined();
    // every run: same model, data, seed, steps, batch, lr; only objective and options differ
    const shared = (j: AblationJob) => [
      j.model,
      j.data,
      j.evalData,
      j.seed,
      j.train?.steps,
      j.train?.batchSize,
      j.train?.lr,
    ];
    expect(shared(jobs[1])).toEqual(shared(jobs[2]));
    expect(shared(jobs[1])).toEqual(['m.json', 'train.jsonl', 'heldout.jsonl', 7, 2, 4, 1e-3]);
    // simpo vs base: tie on a (1 = 1), win on b (1 > 0) → (½ + 1) / 2 = 0.75; dpo: loss on a, tie on b → 0.25
    expect(summary.runs.map((r) => r.winRate)).toEqual([0.75, 0.25]);
    expect(summary.runs.map((r) => r.ruleRate)).toEqual([1, 0]);
    // mean tokens: simpo (3 + 5) / 2 = 4, dpo (3 + 9) / 2 = 6, base 4
    expect(summary.runs.map((r) => r.meanGenLength)).toEqual([4, 6]);
    expect(summary.baseline).toMatchObject({ name: 'base', ruleRate: 0.5, meanGenLength: 4 });
    expect(summary.runs[0].options).toEqual({ gamma: 1, beta: 2 });
    expect(summary.runs[0].heldoutAccuracy).toBe(0.75);
    expect(summary.runs[0].heldoutAccuracyNotLonger).toBe(0.5);
    expect(summary.runs[0].stepCpuMs).toBe(8);
    const written = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AblationSummary;
    expect(written.runs).toEqual(summary.runs);
    expect(
      readFileSync(join(out, 'dpo', 'generations.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);
    expect(stdout.text).toMatch(/^simpo\s.*75\.0%/m);
  });
});
