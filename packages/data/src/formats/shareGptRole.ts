import { PrefoptError } from '@prefopt/core';

/** ShareGPT / LLaMA-Factory `from` tags → chat roles. */
const ROLES: Record<string, string> = {
  human: 'user',
  user: 'user',
  gpt: 'assistant',
  assistant: 'assistant',
  model: 'assistant',
  function_call: 'assistant',
  system: 'system',
  observation: 'tool',
  tool: 'tool',
};

/** The chat role for a ShareGPT `from` tag; a data error naming the known tags otherwise. */
export function shareGptRole(from: string, where: string): string {
  const role = ROLES[from];
  if (role === undefined) {
    throw new PrefoptError(
      'data',
      `${where}.from is '${from}', not a known ShareGPT role (${Object.keys(ROLES).join(', ')})`,
    );
  }
  return role;
}
