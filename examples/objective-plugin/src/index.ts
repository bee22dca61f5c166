import { tanhMarginPlugin } from './tanhMarginPlugin';

export { tanhMargin } from './tanhMargin';
export { weakestToken } from './weakestToken';
export { exampleCpuAdapter, EXAMPLE_CPU_BACKEND } from './exampleCpuAdapter';
export { fewestWords } from './fewestWords';
export { tanhMarginPlugin };
/** The manifest `--plugin` reads. */
export default tanhMarginPlugin;
