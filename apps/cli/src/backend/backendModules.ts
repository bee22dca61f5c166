import { cpuBackendModule } from '@prefopt/backend-cpu';
import { nodeBackendModule } from '@prefopt/backend-node';
import { nodeGpuBackendModule } from '@prefopt/backend-node-gpu';
import { wasmBackendModule } from '@prefopt/backend-wasm';
import { webgpuBackendModule } from '@prefopt/backend-webgpu';
import type { ContainerModule } from 'inversify';

/** The backend adapters that ship with prefopt, each bound under BACKEND_ADAPTER by name. */
export function backendModules(): ContainerModule[] {
  return [
    nodeGpuBackendModule,
    webgpuBackendModule,
    nodeBackendModule,
    wasmBackendModule,
    cpuBackendModule,
  ];
}
