/** One TensorFlow.js backend behind the same small seam. */
export interface BackendAdapter {
  /** 'cpu', 'wasm', 'node', 'node-gpu', 'webgpu'. */
  readonly name: string;
  /** Higher wins in `--backend auto` among the available ones. */
  readonly priority: number;
  /** True when the backend can start here (package installed, device present). Never throws. */
  isAvailable(): Promise<boolean>;
  /** Imports the backend lazily, registers it, and makes it tfjs's current backend. */
  activate(options?: BackendActivateOptions): Promise<void>;
}

export interface BackendActivateOptions {
  /** Worker threads where the backend supports them (wasm, native). */
  threads?: number;
}
