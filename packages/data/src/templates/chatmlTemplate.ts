import type { ChatMessage } from '@prefopt/core';
import type { ChatTemplate } from './ChatTemplate';
import { requireAssistantFirst } from './requireAssistantFirst';

const turn = (m: ChatMessage) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`;

/**
 * ChatML (OpenAI, Qwen, SmolLM):
 *
 *   <|im_start|>system\nS<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n
 *
 * and the completion `hello<|im_end|>\n`.
 */
export const chatmlTemplate: ChatTemplate = {
  name: 'chatml',
  renderPrompt(messages) {
    return messages.map(turn).join('') + '<|im_start|>assistant\n';
  },
  renderCompletion(messages) {
    requireAssistantFirst(messages, 'chatml');
    return messages.map((m, i) => (i === 0 ? `${m.content}<|im_end|>\n` : turn(m))).join('');
  },
};
