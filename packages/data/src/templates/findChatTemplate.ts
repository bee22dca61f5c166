import { PrefoptError } from '@prefopt/core';
import type { ChatTemplate } from './ChatTemplate';
import { chatTemplates } from './chatTemplates';

/** The bundled template called `name` ('plain' by default), or a config error listing the names. */
export function findChatTemplate(name = 'plain'): ChatTemplate {
  const template = chatTemplates.find((t) => t.name === name);
  if (!template) {
    throw new PrefoptError(
      'config',
      `unknown chat template '${name}'. Templates: ${chatTemplates.map((t) => t.name).join(', ')}.`,
    );
  }
  return template;
}
