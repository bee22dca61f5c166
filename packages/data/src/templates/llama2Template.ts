import type { ChatMessage } from '@prefopt/core';
import { splitChatTemplate } from './ChatTemplate';
import { requireAssistantFirst } from './requireAssistantFirst';

/**
 * Llama-2 chat, as meta-llama/Llama-2-7b-chat-hf's chat template renders it:
 *
 *   [INST] <<SYS>>\nS\n<</SYS>>\n\nhi [/INST] hello </s><s>[INST] more [/INST]
 *
 * The conversation's first `<s>` is the tokenizer's BOS and the final `</s>` its EOS (ids,
 * added at tokenisation); the markers between earlier turns stay text as in the template,
 * which a tokenizer without special-token parsing encodes as plain characters. Content is
 * trimmed; a system message is folded into the first user turn; tool turns render as user turns.
 */
export const llama2Template = splitChatTemplate(
  'llama2',
  (messages) => render(messages, true),
  (messages) => {
    requireAssistantFirst(messages, 'llama2');
    return render(messages, false);
  },
);

/** Turns after the opening BOS; `atStart` says no turn has been rendered before them. */
function render(messages: readonly ChatMessage[], atStart: boolean): string {
  let system: string | undefined;
  let list = messages;
  if (atStart && list[0]?.role === 'system') {
    system = list[0].content;
    list = list.slice(1);
  }
  let out = '';
  let first = atStart;
  for (const m of list) {
    if (m.role === 'assistant') {
      out += ` ${m.content.trim()} `;
    } else {
      const content =
        system !== undefined ? `<<SYS>>\n${system}\n<</SYS>>\n\n${m.content}` : m.content;
      system = undefined;
      out += `${first ? '' : '</s><s>'}[INST] ${content.trim()} [/INST]`;
    }
    first = false;
  }
  if (system !== undefined) out += `[INST] ${`<<SYS>>\n${system}\n<</SYS>>`.trim()} [/INST]`;
  return out;
}
