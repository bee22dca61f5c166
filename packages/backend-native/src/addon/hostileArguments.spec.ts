import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNativeAddon, NATIVE_ADDON_PATH } from './loadNativeAddon';

const load = loadNativeAddon();
if (!load.addon) console.log(`skipping the addon's hostile-argument spec: ${load.reason}`);

const SCRIPT = fileURLToPath(new URL('../specSupport/hostileAddonCalls.mjs', import.meta.url));

/** One result line of hostileAddonCalls.mjs. */
interface CaseResult {
  id: string;
  fn: string;
  category: string;
  expect: 'ok' | 'throw';
  pattern?: string;
  threw: boolean;
  errorType?: string;
  message?: string;
  intact: boolean;
  outOk: boolean;
}

/** Runs the hostile calls in a child process; never throws for a crash, reports it. */
function runChild() {
  const run = spawnSync(process.execPath, [SCRIPT, NATIVE_ADDON_PATH], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = run.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const started = lines.filter((l) => 'start' in l).map((l) => String(l.start));
  return {
    signal: run.signal,
    status: run.status,
    stderr: run.stderr,
    exports: (lines.find((l) => 'exports' in l)?.exports ?? []) as string[],
    results: lines.filter((l) => 'id' in l) as unknown as CaseResult[],
    lastStarted: started.at(-1),
    done: lines.some((l) => 'done' in l),
  };
}

/** Why a result breaks the contract, or undefined when it keeps it. */
function violation(r: CaseResult): string | undefined {
  if (r.expect === 'ok') {
    if (r.threw) return `threw ${r.errorType}: ${r.message}`;
    return r.outOk ? undefined : 'wrong output';
  }
  if (!r.threw) return 'did not throw';
  if (r.errorType !== 'TypeError' && r.errorType !== 'RangeError')
    return `threw ${r.errorType}: ${r.message}`;
  if (!new RegExp(`^prefopt_native\\.${r.fn}: ${r.pattern}`).test(r.message ?? ''))
    return `message ${JSON.stringify(r.message)} does not match /${r.pattern}/`;
  return r.intact ? undefined : 'wrote an output before throwing';
}

describe.skipIf(!load.addon)('native addon: hostile arguments (in a child process)', () => {
  const child = load.addon ? runChild() : undefined;

  it('ends normally: no case kills the process with a signal', () => {
    const c = child!;
    const context = `last case started: ${c.lastStarted}; stderr: ${c.stderr.slice(-500)}`;
    expect(c.signal, context).toBeNull();
    expect(c.status, context).toBe(0);
    expect(c.done, context).toBe(true);
  });

  it('throws a TypeError/RangeError naming the export and argument, outputs untouched', () => {
    const bad = child!.results.flatMap((r) => {
      const why = violation(r);
      return why ? [`${r.id}: ${why}`] : [];
    });
    expect(bad).toEqual([]);
    expect(child!.results.length).toBeGreaterThan(500);
  });

  it('covers every export with empty, wrong-typed, huge, mismatched, aliased and zero-sized calls', () => {
    const { exports, results } = child!;
    expect(exports.sort()).toEqual(Object.keys(load.addon!).sort());
    const categories = (fn: string) =>
      new Set(results.filter((r) => r.fn === fn).map((r) => r.category));
    for (const fn of exports) {
      const have = categories(fn);
      const want = ['valid', 'arity', ...(fn === 'blasConfig' ? [] : ['type', 'huge'])];
      if (!['setThreads', 'blasConfig'].includes(fn)) want.push('mismatched', 'aliased', 'zero');
      expect([fn, [...have].sort()]).toEqual([fn, expect.arrayContaining(want)]);
    }
  });

  it('gives empty results for zero sizes, zeros for sums over an empty axis', () => {
    const zero = child!.results.filter((r) => r.category === 'zero' && r.expect === 'ok');
    expect(zero.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'softmax: rows 3, cols 0 (the old NULL read)',
        'batchMatMul: k = 0 gives zeros',
        'rmsNormGrad: rows 0 gives dw = 0',
      ]),
    );
    expect(zero.filter((r) => r.threw || !r.outOk)).toEqual([]);
  });
});
