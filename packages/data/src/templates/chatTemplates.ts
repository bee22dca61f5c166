import type { ChatTemplate } from './ChatTemplate';
import { chatmlTemplate } from './chatmlTemplate';
import { llama2Template } from './llama2Template';
import { plainTemplate } from './plainTemplate';

/** The bundled chat templates; 'plain' (the first) is the default. */
export const chatTemplates: readonly ChatTemplate[] = [
  plainTemplate,
  chatmlTemplate,
  llama2Template,
];
