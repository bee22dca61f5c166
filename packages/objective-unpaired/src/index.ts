export { bco } from './bco';
export { kto } from './kto';
export { unpairedObjectives } from './unpairedObjectives';
export { unpairedPlugin } from './unpairedPlugin';
