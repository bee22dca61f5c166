import type { ChatTemplate } from '../templates/ChatTemplate';

/** How `tokenizePair` turns a record into ids. */
export interface TokenizeOptions {
  /** Renders message prompts/completions (default: the plain template). Text records skip it. */
  template?: ChatTemplate;
  /** Longest prompt + completion, in tokens (each completion checked against it). */
  maxLength?: number;
  /** Longest prompt, in tokens; longer prompts lose tokens on the LEFT (BOS kept). */
  maxPromptLength?: number;
  /**
   * BOS first in the prompt (default: where the tokenizer itself adds one, `addsBos`, as
   * TRL). Never with a tokenizer's own chat template, whose text holds it.
   */
  addBos?: boolean;
  /**
   * EOS after each completion that does not already end with it (default: when the tokenizer
   * has one). Never with a tokenizer's own chat template, whose text ends the turn.
   */
  appendEos?: boolean;
}
