import type { PluginManifest } from '@prefopt/core';
import { unpairedObjectives } from './unpairedObjectives';

/** This package's plugin manifest: kto and bco (their factories say `data: 'unpaired'`). */
export const unpairedPlugin: PluginManifest = {
  name: '@prefopt/objective-unpaired',
  objectives: unpairedObjectives,
};
