// Times one forward + backward of a small Llama (Σ sequenceLogps, all weight gradients)
// per backend, reading results with `await data()` so webgpu runs too.
//   node --conditions=@prefopt/source --import tsx tools/backends/timeModelStep.ts [cpu wasm webgpu]
// Prints one JSON line per backend: {backend, device, medianMs, steps}.
import type { BackendAdapter } from '@prefopt/core';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { webgpuAdapter } from '@prefopt/backend-webgpu';
import { createStepTimer } from './stepTimer';

const adapters: Record<string, BackendAdapter> = {
  cpu: cpuAdapter,
  wasm: wasmAdapter,
  webgpu: webgpuAdapter,
};
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(adapters);
const STEPS = 5;

for (const name of names) {
  const adapter = adapters[name];
  if (!(await adapter.isAvailable())) {
    console.log(JSON.stringify({ backend: name, skipped: 'not available' }));
    continue;
  }
  await adapter.activate();
  const device = (await adapter.deviceInfo?.())?.description;
  const timer = createStepTimer();
  const times: number[] = [];
  for (let i = 0; i <= STEPS; i++) {
    const ms = await timer.stepMs();
    if (i > 0) times.push(ms); // step 0 warms up (kernel compile)
  }
  timer.dispose();
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      backend: name,
      device,
      medianMs: Number(times[times.length >> 1].toFixed(1)),
      steps: STEPS,
    }),
  );
}
