export { nativeAdapter } from './nativeAdapter';
export type { NativeBackendAdapter } from './nativeAdapter';
export { nativeCpuAdapter } from './nativeCpuAdapter';
export { nativeBackendPlugin } from './nativeBackendPlugin';
export { registerNativeKernels } from './registerNativeKernels';
export { NATIVE_CPU_BACKEND, registerNativeCpuBackend } from './registerNativeCpuBackend';
export { loadNativeAddon, NATIVE_ADDON_PATH } from './addon/loadNativeAddon';
export type { NativeAddonLoad } from './addon/loadNativeAddon';
export type { NativeAddon } from './addon/NativeAddon';
