import { nativeBackendModule } from '@prefopt/backend-native';
import type { ContainerModule } from 'inversify';
import { backendModules } from '../backend/backendModules';
import { bundledObjectiveModules } from './bundledObjectiveModules';
import { annotatorsModule } from '../pairs/annotators/annotatorsModule';

/** The ContainerModules of the plugins that ship with prefopt. */
export function bundledModules(): ContainerModule[] {
  return [...backendModules(), nativeBackendModule, annotatorsModule, ...bundledObjectiveModules()];
}
