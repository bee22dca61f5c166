import type { ChatMessage } from '@prefopt/core';
import { splitChatTemplate } from './ChatTemplate';
import { requireAssistantFirst } from './requireAssistantFirst';

const LABEL: Record<string, string> = { user: 'User', assistant: 'Assistant', tool: 'Tool' };

/** `User: hi` — a system message is its text alone; other roles get a capitalised label. */
function turn(m: ChatMessage): string {
  if (m.role === 'system') return m.content;
  return `${LABEL[m.role] ?? m.role[0].toUpperCase() + m.role.slice(1)}: ${m.content}`;
}

/**
 * The default template, for models trained on plain text: turns separated by a blank
 * line, the generation prompt `Assistant:`.
 *
 *   [system text\n\n]User: hi\n\nAssistant: hello
 */
export const plainTemplate = splitChatTemplate(
  'plain',
  (messages) => [...messages.map(turn), 'Assistant:'].join('\n\n'),
  (messages) => {
    requireAssistantFirst(messages, 'plain');
    return messages.map((m, i) => (i === 0 ? ` ${m.content}` : `\n\n${turn(m)}`)).join('');
  },
);
