import type { PluginManifest } from '@prefopt/core';
import { dpo } from './dpo';

/** This package's plugin manifest: the `dpo` objective. */
export const dpoPlugin: PluginManifest = {
  name: '@prefopt/objective-dpo',
  objectives: [dpo],
};
