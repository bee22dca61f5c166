export { combine } from './combine';
export type { CombinePart } from './combine';
