export { tanhMargin } from './tanhMargin';
export { tanhMarginModule } from './tanhMarginModule';
