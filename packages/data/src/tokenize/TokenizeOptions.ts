import type { ChatTemplate } from '../templates/ChatTemplate';

/** How `tokenizePair` turns a record into ids. */
export interface TokenizeOptions {
  /** Renders message prompts/completions (default: the plain template). Text records skip it. */
  template?: ChatTemplate;
  /** Longest prompt + completion, in tokens (each completion checked against it). */
  maxLength?: number;
  /** Longest prompt, in tokens; longer prompts lose tokens on the LEFT (BOS kept). */
  maxPromptLength?: number;
  /** BOS first in the prompt (default: when the tokenizer has one). */
  addBos?: boolean;
  /** EOS after each completion (default: when the tokenizer has one). */
  appendEos?: boolean;
}
