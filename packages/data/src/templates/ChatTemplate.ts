import type { ChatMessage } from '@prefopt/core';

/**
 * Renders chat messages to the text a model is trained on. `renderPrompt(p)` ends with the
 * generation prompt (the opening of the assistant's turn); `renderConversation(p, c)` is
 * the whole conversation, prompt then completion `c` (which starts with an assistant
 * message). Tokenisation encodes both and splits at the prompt's length, as TRL does.
 */
export interface ChatTemplate {
  /** 'plain', 'chatml', 'llama2', or 'tokenizer' (the tokenizer's own `chat_template`). */
  readonly name: string;
  /**
   * True when the text carries BOS and end-of-turn tokens itself (a tokenizer's Jinja
   * template, as `apply_chat_template`): tokenisation then adds no BOS / EOS ids. False
   * for the bundled templates, whose first BOS and final EOS are ids added at tokenisation.
   */
  readonly specialTokensInText: boolean;
  renderPrompt(messages: readonly ChatMessage[]): string;
  renderConversation(prompt: readonly ChatMessage[], completion: readonly ChatMessage[]): string;
}

/**
 * A bundled template, written as two halves: `renderPrompt(p) + renderCompletion(c)` is
 * the whole conversation. BOS and the final EOS are never text here.
 */
export interface SplitChatTemplate extends ChatTemplate {
  renderCompletion(messages: readonly ChatMessage[]): string;
}

/** A `SplitChatTemplate` from its two halves. */
export function splitChatTemplate(
  name: string,
  renderPrompt: (messages: readonly ChatMessage[]) => string,
  renderCompletion: (messages: readonly ChatMessage[]) => string,
): SplitChatTemplate {
  return {
    name,
    specialTokensInText: false,
    renderPrompt,
    renderCompletion,
    renderConversation: (prompt, completion) => renderPrompt(prompt) + renderCompletion(completion),
  };
}
