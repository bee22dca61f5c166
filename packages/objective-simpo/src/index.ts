export { simpo } from './simpo';
export { simpoPlugin } from './simpoPlugin';
