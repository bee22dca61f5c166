export { chosenNll } from './chosenNll';
export { cpo } from './cpo';
export { log1mExp } from './log1mExp';
export { orpo } from './orpo';
export { sft } from './sft';
export { referenceFreePlugin } from './referenceFreePlugin';
