import type { ChatMessage } from '@prefopt/core';

/**
 * Renders chat messages to the text a model is trained on. For a prompt `p` and a
 * completion `c` that starts with an assistant message,
 * `renderPrompt(p) + renderCompletion(c)` is the whole conversation: the prompt ends with
 * the generation prompt (the opening of the assistant's turn), the completion carries the
 * reply and its end-of-turn marker. BOS and the final EOS are tokens, added at
 * tokenisation (`tokenizePair`'s `addBos` / `appendEos`), never text here.
 */
export interface ChatTemplate {
  /** 'plain', 'chatml', 'llama2'. */
  readonly name: string;
  renderPrompt(messages: readonly ChatMessage[]): string;
  renderCompletion(messages: readonly ChatMessage[]): string;
}
