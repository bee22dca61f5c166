import { OBJECTIVE_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { dpo } from './dpo';

/** Binds the `dpo` factory under OBJECTIVE_FACTORY, named 'dpo'. */
export const dpoModule = new ContainerModule(({ bind }) => {
  bind(OBJECTIVE_FACTORY).toConstantValue(dpo).whenNamed(dpo.objectiveName);
});
