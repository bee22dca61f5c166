/** What went wrong, as data: callers branch on `kind`, never on message text. */
export type PrefoptErrorKind =
  | 'config' // a bad option or flag: the message names it and its allowed range
  | 'input' // bad tensors or JSON handed to an API (shapes, missing fields)
  | 'data' // a dataset record that cannot be read: the message names file and line
  | 'checkpoint' // a model file that does not match what it claims to hold
  | 'tokenizer' // a tokenizer that cannot be read, or does not fit the model
  | 'backend' // a TensorFlow.js backend that is absent or failed to start
  | 'plugin' // a plugin module that cannot be loaded or exports nothing usable
  | 'numeric' // a non-finite loss or gradient
  | 'interrupted' // the run was stopped (SIGINT); a checkpoint was written
  | 'io'; // a file that cannot be read or written

const BRAND = Symbol.for('prefopt.PrefoptError');

/**
 * The one error class of prefopt. `PrefoptError.is(e, 'config')` works across module
 * copies (the brand is a global symbol), so a plugin bundling its own copy of
 * `@prefopt/core` still throws errors the CLI recognises.
 */
export class PrefoptError extends Error {
  readonly kind: PrefoptErrorKind;
  readonly [BRAND] = true;

  constructor(kind: PrefoptErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrefoptError';
    this.kind = kind;
  }

  static is(value: unknown, kind?: PrefoptErrorKind): value is PrefoptError {
    if (typeof value !== 'object' || value === null) return false;
    if ((value as { [BRAND]?: unknown })[BRAND] !== true) return false;
    return kind === undefined || (value as PrefoptError).kind === kind;
  }
}
