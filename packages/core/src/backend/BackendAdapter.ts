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
  /**
   * Optional: what the backend would run on, without activating it. Never throws;
   * undefined when the backend is unavailable.
   */
  deviceInfo?(): Promise<BackendDeviceInfo | undefined>;
}

export interface BackendActivateOptions {
  /** Worker threads where the backend supports them (wasm, native). */
  threads?: number;
}

/** What an available backend runs on, for logs and for `--backend auto`. */
export interface BackendDeviceInfo {
  /** One line for people: 'llvmpipe (Mesa 25.0.7), software Vulkan', 'wasm SIMD, 1 thread'. */
  description: string;
  /**
   * True when an accelerator API is served by a CPU emulation (lavapipe/llvmpipe,
   * SwiftShader): `--backend auto` passes over such a backend.
   */
  software: boolean;
}
