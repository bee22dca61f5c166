// Run in a child process by webgpuAdapter.spec.ts: Vulkan driver selection (VK_DRIVER_FILES)
// is read once per process, so the "no adapter" path needs a process of its own.
import { PrefoptError } from '@prefopt/core';
import { webgpuAdapter } from './webgpuAdapter';

const available = await webgpuAdapter.isAvailable();
const device = (await webgpuAdapter.deviceInfo?.()) ?? null;
const error = await webgpuAdapter.activate().then(
  () => null,
  (e: unknown) => ({ backendKind: PrefoptError.is(e, 'backend'), message: (e as Error).message }),
);
process.stdout.write(`${JSON.stringify({ available, device, error })}\n`);
