/** A text buffer standing in for stdout/stderr: `write` appends, `text` is all written so far. */
export function textBuffer() {
  let text = '';
  return {
    write: (t: string) => ((text += t), true),
    get text() {
      return text;
    },
  };
}
