export { cpuAdapter } from './cpuAdapter';
export { cpuBackendModule } from './cpuBackendModule';
