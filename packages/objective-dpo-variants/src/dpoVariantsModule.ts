import { OBJECTIVE_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { dpoVariants } from './dpoVariants';

/** Binds every factory of this package under OBJECTIVE_FACTORY, named by its objective. */
export const dpoVariantsModule = new ContainerModule(({ bind }) => {
  for (const factory of dpoVariants) {
    bind(OBJECTIVE_FACTORY).toConstantValue(factory).whenNamed(factory.objectiveName);
  }
});
