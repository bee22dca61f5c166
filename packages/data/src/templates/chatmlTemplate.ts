import type { ChatMessage } from '@prefopt/core';
import { splitChatTemplate } from './ChatTemplate';
import { requireAssistantFirst } from './requireAssistantFirst';

const turn = (m: ChatMessage) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`;

/**
 * ChatML (OpenAI, Qwen, SmolLM):
 *
 *   <|im_start|>system\nS<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n
 *
 * and the completion `hello<|im_end|>\n`.
 */
export const chatmlTemplate = splitChatTemplate(
  'chatml',
  (messages) => messages.map(turn).join('') + '<|im_start|>assistant\n',
  (messages) => {
    requireAssistantFirst(messages, 'chatml');
    return messages.map((m, i) => (i === 0 ? `${m.content}<|im_end|>\n` : turn(m))).join('');
  },
);
