import { PrefoptError, type ChatMessage } from '@prefopt/core';

/** Completions continue the assistant's turn: a data error when one starts otherwise. */
export function requireAssistantFirst(messages: readonly ChatMessage[], template: string): void {
  if (messages.length === 0) return;
  if (messages[0].role !== 'assistant') {
    throw new PrefoptError(
      'data',
      `a completion must start with an assistant message, got role '${messages[0].role}' (template ${template})`,
    );
  }
}
