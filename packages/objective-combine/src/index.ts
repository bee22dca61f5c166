export { combine } from './combine';
export type { CombineFactory, CombinePart } from './combine';
