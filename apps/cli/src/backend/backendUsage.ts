/** The backend flags' usage line, for the `usage` of every verb that computes. */
export const backendUsage = '[--backend auto|cpu|wasm|node|node-gpu|webgpu] [--threads N]';
