import { OBJECTIVE_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { tanhMargin } from './tanhMargin';
import { weakestToken } from './weakestToken';

/**
 * What `prefopt --plugin <this package>` loads: one ContainerModule binding the factories
 * under OBJECTIVE_FACTORY, named by their objectives. Nothing in prefopt changes to add it.
 */
export const tanhMarginModule = new ContainerModule(({ bind }) => {
  bind(OBJECTIVE_FACTORY).toConstantValue(tanhMargin).whenNamed(tanhMargin.objectiveName);
  bind(OBJECTIVE_FACTORY).toConstantValue(weakestToken).whenNamed(weakestToken.objectiveName);
});
