export { tanhMargin } from './tanhMargin';
export { tanhMarginModule } from './tanhMarginModule';
export { weakestToken } from './weakestToken';
