import { PrefoptError } from '@prefopt/core';
import type { ChatTemplate } from './ChatTemplate';
import { chatTemplates } from './chatTemplates';
import { jinjaChatTemplate, type ChatTemplateSource } from './jinjaChatTemplate';
import { plainTemplate } from './plainTemplate';

/**
 * The chat template for message data. `name` undefined or 'auto': the tokenizer's own
 * `chat_template` where it has one, else 'plain'. 'tokenizer' forces the tokenizer's (an
 * error if it has none); 'plain', 'chatml', 'llama2' force a bundled one. Anything else
 * is a config error listing the names.
 */
export function findChatTemplate(name?: string, tokenizer?: ChatTemplateSource): ChatTemplate {
  const own = tokenizer?.chatTemplate;
  if (name === undefined || name === 'auto') {
    return own !== undefined ? jinjaChatTemplate(own, tokenizer?.specialTokens) : plainTemplate;
  }
  if (name === 'tokenizer') {
    if (own === undefined) {
      throw new PrefoptError(
        'config',
        `--template tokenizer: the tokenizer has no chat_template (tokenizer_config.json or chat_template.jinja); pass --template plain|chatml|llama2.`,
      );
    }
    return jinjaChatTemplate(own, tokenizer?.specialTokens);
  }
  const template = chatTemplates.find((t) => t.name === name);
  if (!template) {
    throw new PrefoptError(
      'config',
      `unknown chat template '${name}'. Templates: auto, tokenizer, ${chatTemplates.map((t) => t.name).join(', ')}.`,
    );
  }
  return template;
}
