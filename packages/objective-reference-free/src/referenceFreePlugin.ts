import type { PluginManifest } from '@prefopt/core';
import { cpo } from './cpo';
import { orpo } from './orpo';
import { sft } from './sft';

/** This package's plugin manifest: cpo, orpo and sft. */
export const referenceFreePlugin: PluginManifest = {
  name: '@prefopt/objective-reference-free',
  objectives: [cpo, orpo, sft],
};
