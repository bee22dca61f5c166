import { OBJECTIVE_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { ipo } from './ipo';

/** Binds the `ipo` factory under OBJECTIVE_FACTORY, named 'ipo'. */
export const ipoModule = new ContainerModule(({ bind }) => {
  bind(OBJECTIVE_FACTORY).toConstantValue(ipo).whenNamed(ipo.objectiveName);
});
