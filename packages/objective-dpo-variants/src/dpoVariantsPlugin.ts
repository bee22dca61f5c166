import type { PluginManifest } from '@prefopt/core';
import { dpoVariants } from './dpoVariants';

/** This package's plugin manifest: every DPO variant of this package. */
export const dpoVariantsPlugin: PluginManifest = {
  name: '@prefopt/objective-dpo-variants',
  objectives: dpoVariants,
};
