import { dpoModule } from '@prefopt/objective-dpo';
import { dpoVariantsModule } from '@prefopt/objective-dpo-variants';
import { ipoModule } from '@prefopt/objective-ipo';
import { referenceFreeModule } from '@prefopt/objective-reference-free';
import { simpoModule } from '@prefopt/objective-simpo';
import { unpairedModule } from '@prefopt/objective-unpaired';
import type { ContainerModule } from 'inversify';

/**
 * The ContainerModules of the objective packages that ship with prefopt. (`combine` binds
 * nothing: it weights other objectives, written `--objective 'dpo+0.05*sft'`.)
 */
export function bundledObjectiveModules(): ContainerModule[] {
  return [
    dpoModule,
    ipoModule,
    simpoModule,
    dpoVariantsModule,
    referenceFreeModule,
    unpairedModule,
  ];
}
