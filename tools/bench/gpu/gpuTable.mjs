// Combines tools/bench/gpu/run.sh's lines.jsonl ({shape, impl, result|error} per run) into one
// JSON object and a markdown table; prints both (JSON first) and writes them to the given files.
//   node tools/bench/gpu/gpuTable.mjs lines.jsonl gpu.json gpu.md
import { readFileSync, writeFileSync } from 'node:fs';

const [linesFile, jsonFile, mdFile] = process.argv.slice(2);
const runs = readFileSync(linesFile, 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('{'))
  .map((l) => JSON.parse(l));

const shapes = [...new Set(runs.map((r) => r.shape))];
const get = (shape, prefix) => runs.find((r) => r.shape === shape && r.impl.startsWith(prefix));
const ms = (x) => (x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));

const rows = [
  '| shape | params | impl | device | step wall ms | forward | backward | optimiser | tokens/s | peak GPU MiB | peak RSS MiB | note |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
];
const ratios = {};
for (const shape of shapes) {
  for (const r of runs.filter((x) => x.shape === shape)) {
    const x = r.result;
    if (!x) {
      rows.push(`| ${shape} | | ${r.impl} | | — | | | | | | | ${r.error.replaceAll('|', '/')} |`);
      continue;
    }
    const p = x.phases ?? {};
    rows.push(
      `| ${shape} | ${((x.params ?? 0) / 1e6).toFixed(1)}M | ${r.impl} | ${x.device ?? x.backend ?? r.impl.replace(/^pytorch-/, '')} | ${ms(x.medianStepMs)} | ${ms(p.forward)} | ${ms(p.backward)} | ${ms(p.optimizer)} | ${ms(x.tokensPerSec)} | ${ms(x.peakGpuMiB)} | ${ms(x.peakRssMiB)} | |`,
    );
  }
  const torch = get(shape, 'pytorch')?.result;
  const webgpu = get(shape, 'prefopt-webgpu')?.result;
  if (torch && webgpu)
    ratios[`${shape}WebgpuSpeedVsPytorch`] = torch.medianStepMs / webgpu.medianStepMs;
}
const md = `${rows.join('\n')}\n${Object.entries(ratios)
  .map(
    ([k, v]) =>
      `\n- ${k}: ${v.toFixed(3)} (PyTorch step ms / prefopt step ms; > 1: prefopt faster)`,
  )
  .join('')}\n`;
const json = JSON.stringify({ runs, ratios });
writeFileSync(jsonFile, `${json}\n`);
writeFileSync(mdFile, md);
console.log(json);
console.log(md);
