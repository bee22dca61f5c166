/**
 * Names `--backend auto` looks up under BACKEND_ADAPTER (a name nobody binds is ignored);
 * each adapter's `priority` decides the order: node-gpu (50) > webgpu (40, hardware only) >
 * node (30) > native (25, the OpenBLAS addon) > wasm (20) > cpu (10).
 */
export const builtinBackendNames: readonly string[] = [
  'node-gpu',
  'webgpu',
  'node',
  'native',
  'wasm',
  'cpu',
];
