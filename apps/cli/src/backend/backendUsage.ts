/** The backend flags' usage line, for the `usage` of every verb that computes. */
export const backendUsage =
  '[--backend auto|cpu|wasm|native|native-cpu|node|node-gpu|webgpu] [--threads N]';
