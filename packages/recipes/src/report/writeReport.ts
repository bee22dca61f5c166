import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { readMetrics, type RunMetrics } from './readMetrics';
import { renderReportHtml } from './renderReportHtml';
import type { AblationSummary } from './RunSummary';

/**
 * Writes `<out>/summary.json` and `<out>/report.html` (each run's curves are read from
 * its metrics.jsonl files, one per seed, relative to `out`). Returns the two paths.
 */
export function writeReport(
  out: string,
  summary: AblationSummary,
): { summaryFile: string; reportFile: string } {
  const metrics: Record<string, RunMetrics[]> = {};
  for (const run of summary.runs) {
    const files = run.metricsFiles?.length ? run.metricsFiles : [run.metricsFile];
    metrics[run.name] = files.map((f) => readMetrics(join(out, f)));
  }
  const summaryFile = join(out, 'summary.json');
  const reportFile = join(out, 'report.html');
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(summaryFile, JSON.stringify(summary, null, 2) + '\n');
    writeFileSync(reportFile, renderReportHtml(summary, metrics));
  } catch (e) {
    throw new PrefoptError('io', `cannot write the report to ${out}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  return { summaryFile, reportFile };
}
