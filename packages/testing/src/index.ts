export { repoRoot, sharedPath } from './sharedPath';
export { describeIfShared } from './describeIfShared';
export { useCpuBackend } from './useCpuBackend';
