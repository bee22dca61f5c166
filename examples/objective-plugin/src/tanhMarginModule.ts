import { OBJECTIVE_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { tanhMargin } from './tanhMargin';

/**
 * What `prefopt --plugin <this package>` loads: one ContainerModule binding the factory
 * under OBJECTIVE_FACTORY, named by the objective. Nothing in prefopt changes to add it.
 */
export const tanhMarginModule = new ContainerModule(({ bind }) => {
  bind(OBJECTIVE_FACTORY).toConstantValue(tanhMargin).whenNamed(tanhMargin.objectiveName);
});
