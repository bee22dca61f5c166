export { dpo } from './dpo';
export { dpoModule } from './dpoModule';
