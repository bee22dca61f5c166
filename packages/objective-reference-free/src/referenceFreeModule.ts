import { OBJECTIVE_FACTORY } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { cpo } from './cpo';
import { orpo } from './orpo';
import { sft } from './sft';

/** Binds cpo, orpo and sft under OBJECTIVE_FACTORY, named by their objective names. */
export const referenceFreeModule = new ContainerModule(({ bind }) => {
  for (const factory of [cpo, orpo, sft]) {
    bind(OBJECTIVE_FACTORY).toConstantValue(factory).whenNamed(factory.objectiveName);
  }
});
