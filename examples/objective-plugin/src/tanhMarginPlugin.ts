import type { PluginManifest } from '@prefopt/core';
import { exampleCpuAdapter } from './exampleCpuAdapter';
import { fewestWords } from './fewestWords';
import { tanhMargin } from './tanhMargin';
import { weakestToken } from './weakestToken';

/**
 * What `prefopt --plugin <this package>` loads (the default export of index.ts): two
 * objectives, a backend and an annotator, in one plain object. Nothing in prefopt changes
 * to add them, and this package does not depend on inversify.
 */
export const tanhMarginPlugin: PluginManifest = {
  name: 'prefopt-objective-tanh-margin',
  objectives: [tanhMargin, weakestToken],
  backends: [exampleCpuAdapter],
  annotators: [fewestWords],
};
