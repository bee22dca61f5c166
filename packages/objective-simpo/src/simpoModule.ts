import { OBJECTIVE_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { simpo } from './simpo';

/** Binds the `simpo` factory under OBJECTIVE_FACTORY, named 'simpo'. */
export const simpoModule = new ContainerModule(({ bind }) => {
  bind(OBJECTIVE_FACTORY).toConstantValue(simpo).whenNamed(simpo.objectiveName);
});
