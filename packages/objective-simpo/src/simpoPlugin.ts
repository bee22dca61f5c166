import type { PluginManifest } from '@prefopt/core';
import { simpo } from './simpo';

/** This package's plugin manifest: the `simpo` objective. */
export const simpoPlugin: PluginManifest = {
  name: '@prefopt/objective-simpo',
  objectives: [simpo],
};
