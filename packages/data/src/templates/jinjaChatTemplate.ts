import { Template } from '@huggingface/jinja';
import { PrefoptError, type ChatMessage } from '@prefopt/core';
import type { ChatTemplate } from './ChatTemplate';
import { requireAssistantFirst } from './requireAssistantFirst';

/** A tokenizer's `chat_template` and the special-token texts it may refer to. */
export interface ChatTemplateSource {
  chatTemplate?: string;
  /** `bos_token`, `eos_token`, … (tokenizer_config.json), as `apply_chat_template` passes them. */
  specialTokens?: Readonly<Record<string, string>>;
}

/** A tokenizer's Jinja template, as `ChatTemplate` with its source (part of a run's identity). */
export interface JinjaChatTemplate extends ChatTemplate {
  readonly source: string;
}

/**
 * The tokenizer's own chat template, rendered with `@huggingface/jinja` (the engine of
 * transformers.js, with transformers' trim_blocks / lstrip_blocks) as transformers'
 * `apply_chat_template(messages, tokenize=False, add_generation_prompt=…)` does: the
 * variables are `messages`, `add_generation_prompt` and the special-token texts. The text
 * holds BOS and end-of-turn tokens itself. A template that does not parse is a tokenizer
 * error at its first render; one that refuses messages (`raise_exception`) a data error.
 */
export function jinjaChatTemplate(
  source: string,
  specialTokens: Readonly<Record<string, string>> = {},
): JinjaChatTemplate {
  let parsed: Template | undefined;
  // parsed at the first render, so text-only data never depends on the template
  const template = (): Template => {
    try {
      parsed ??= new Template(source);
    } catch (e) {
      throw new PrefoptError(
        'tokenizer',
        `the tokenizer's chat_template does not parse: ${(e as Error).message}; pass --template plain|chatml|llama2 instead.`,
        { cause: e },
      );
    }
    return parsed;
  };
  const render = (messages: readonly ChatMessage[], addGenerationPrompt: boolean): string => {
    const compiled = template();
    try {
      return compiled.render({
        ...specialTokens,
        messages: messages.map((m) => ({ ...m })),
        add_generation_prompt: addGenerationPrompt,
      });
    } catch (e) {
      throw new PrefoptError(
        'data',
        `the tokenizer's chat_template cannot render these messages: ${(e as Error).message}`,
        { cause: e },
      );
    }
  };
  return {
    name: 'tokenizer',
    source,
    specialTokensInText: true,
    renderPrompt: (messages) => render(messages, true),
    renderConversation(prompt, completion) {
      requireAssistantFirst(completion, 'tokenizer');
      return render([...prompt, ...completion], false);
    },
  };
}
