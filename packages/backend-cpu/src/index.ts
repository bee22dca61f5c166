export { cpuAdapter } from './cpuAdapter';
export { cpuBackendPlugin } from './cpuBackendPlugin';
