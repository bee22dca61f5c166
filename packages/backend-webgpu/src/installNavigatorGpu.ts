/** The slice of `navigator.gpu` prefopt uses, typed locally (no DOM lib in this project). */
export interface NodeGpu {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

export interface GpuAdapterLike {
  readonly info?: {
    vendor?: string;
    architecture?: string;
    device?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
  readonly isFallbackAdapter?: boolean;
}

let installed: Promise<NodeGpu | undefined> | undefined;

/**
 * Gives Node a WebGPU: creates Dawn's GPU from the `webgpu` package and sets
 * `globalThis.navigator.gpu` plus the `GPUBufferUsage`-style globals that
 * tfjs-backend-webgpu reads, which must happen before that backend is imported.
 * Undefined when `webgpu` is not installed or has no build for this platform. Once per
 * process; never throws.
 */
export function installNavigatorGpu(): Promise<NodeGpu | undefined> {
  installed ??= (async () => {
    try {
      const existing = (globalThis as { navigator?: { gpu?: NodeGpu } }).navigator?.gpu;
      if (existing) return existing;
      const dawn = (await import('webgpu')) as unknown as {
        create(flags: string[]): NodeGpu;
        globals: Record<string, unknown>;
      };
      const gpu = dawn.create([]);
      const g = globalThis as Record<string, unknown>;
      for (const [key, value] of Object.entries(dawn.globals)) if (!(key in g)) g[key] = value;
      const nav = g.navigator as Record<string, unknown> | undefined;
      if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
      else g.navigator = { gpu };
      return gpu;
    } catch {
      return undefined;
    }
  })();
  return installed;
}
