import { ANNOTATOR_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { biggerNumberAnnotator } from '../../demo/task/biggerNumberAnnotator';
import { containsWord } from './containsWord';
import { regexMatch } from './regexMatch';

/** The built-in, rule-based annotators, bound by name under ANNOTATOR_FACTORY. */
export const annotatorsModule = new ContainerModule(({ bind }) => {
  for (const factory of [containsWord, regexMatch, biggerNumberAnnotator]) {
    bind(ANNOTATOR_FACTORY).toConstantValue(factory).whenNamed(factory.annotatorName);
  }
});
