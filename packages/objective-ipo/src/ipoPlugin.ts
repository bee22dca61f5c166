import type { PluginManifest } from '@prefopt/core';
import { ipo } from './ipo';

/** This package's plugin manifest: the `ipo` objective. */
export const ipoPlugin: PluginManifest = {
  name: '@prefopt/objective-ipo',
  objectives: [ipo],
};
