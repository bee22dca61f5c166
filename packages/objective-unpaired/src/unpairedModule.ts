import { OBJECTIVE_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { unpairedObjectives } from './unpairedObjectives';

/** Binds kto and bco under OBJECTIVE_FACTORY (their factories say `data: 'unpaired'`). */
export const unpairedModule = new ContainerModule(({ bind }) => {
  for (const factory of unpairedObjectives) {
    bind(OBJECTIVE_FACTORY).toConstantValue(factory).whenNamed(factory.objectiveName);
  }
});
