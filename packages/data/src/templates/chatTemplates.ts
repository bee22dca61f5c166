import type { SplitChatTemplate } from './ChatTemplate';
import { chatmlTemplate } from './chatmlTemplate';
import { llama2Template } from './llama2Template';
import { plainTemplate } from './plainTemplate';

/** The bundled chat templates; 'plain' (the first) is the default where the tokenizer has no chat template. */
export const chatTemplates: readonly SplitChatTemplate[] = [
  plainTemplate,
  chatmlTemplate,
  llama2Template,
];
