export { dpo } from './dpo';
export { dpoPlugin } from './dpoPlugin';
