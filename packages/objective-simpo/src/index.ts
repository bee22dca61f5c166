export { simpo } from './simpo';
export { simpoModule } from './simpoModule';
