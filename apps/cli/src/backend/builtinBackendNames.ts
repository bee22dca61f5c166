/**
 * Names `--backend auto` looks up under BACKEND_ADAPTER (a name nobody binds is ignored);
 * each adapter's `priority` decides the order: node-gpu > webgpu > node > wasm > cpu,
 * with 'native' (the OpenBLAS addon) where its priority puts it.
 */
export const builtinBackendNames: readonly string[] = [
  'node-gpu',
  'webgpu',
  'node',
  'native',
  'wasm',
  'cpu',
];
