import type { PluginManifest } from '@prefopt/core';
import { biggerNumberAnnotator } from '@prefopt/recipes';
import { containsWord } from './containsWord';
import { regexMatch } from './regexMatch';

/** The built-in, rule-based annotators' manifest. */
export const annotatorsPlugin: PluginManifest = {
  name: '@prefopt/cli annotators',
  annotators: [containsWord, regexMatch, biggerNumberAnnotator],
};
