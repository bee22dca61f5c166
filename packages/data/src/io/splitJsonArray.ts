import { PrefoptError } from '@prefopt/core';
import type { RawRecord } from './RawRecord';

/** Character codes the scanner looks at. */
const C = {
  Newline: 10,
  Quote: 34,
  Comma: 44,
  Backslash: 92,
  OpenBracket: 91,
  CloseBracket: 93,
  OpenBrace: 123,
  CloseBrace: 125,
} as const;

/**
 * A top-level JSON array, one element at a time: a small scanner tracks strings and
 * nesting, so only the current element is in memory, never the whole array. Each element
 * is parsed on its own (a bad element becomes an error record); a broken array structure
 * (no `[`, not closed, text after `]`) cannot be resynchronised and throws.
 */
export async function* splitJsonArray(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<RawRecord> {
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = []; // the current element's text from earlier chunks
  let elementLine = 0;
  const fail = (what: string) => {
    throw new PrefoptError('data', `${file}: line ${line}: ${what}`);
  };
  for await (const chunk of chunks) {
    let start = -1; // where the current element began in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === C.Newline) line++;
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === C.Backslash) escaped = true;
          else if (c === C.Quote) inString = false;
          continue;
        }
        if (c === C.Quote) inString = true;
        else if (c === C.OpenBrace || c === C.OpenBracket) depth++;
        else if ((c === C.CloseBrace || c === C.CloseBracket) && depth > 0) depth--;
        else if (depth === 0 && (c === C.Comma || c === C.CloseBracket)) {
          parts.push(chunk.slice(start < 0 ? 0 : start, i));
          yield parseElement(parts.join(''), elementLine);
          parts = [];
          start = -1;
          state = c === C.Comma ? 'between' : 'after';
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === C.Newline) continue;
      if (state === 'before') {
        if (c !== C.OpenBracket)
          fail('a .json data file must hold one array of records: expected "["');
        state = 'between';
      } else if (state === 'between') {
        if (c === C.CloseBracket && parts.length === 0 && elementLine === 0) {
          state = 'after'; // the empty array
          continue;
        }
        state = 'element';
        elementLine = line;
        start = i;
        i--; // scan this character as part of the element
      } else {
        fail('unexpected text after the closing "]" of the array');
      }
    }
    if (state === 'element') parts.push(chunk.slice(start < 0 ? 0 : start));
  }
  if (state === 'before') return; // an empty file holds no records
  if (state !== 'after') {
    fail(
      inString
        ? 'the file ends inside a string (truncated file?)'
        : 'the file ends before the array is closed with "]" (truncated file?)',
    );
  }
}

function parseElement(text: string, line: number): RawRecord {
  if (!text.trim()) return { line, error: 'empty array element (a stray comma?)' };
  try {
    return { line, value: JSON.parse(text) };
  } catch (e) {
    return { line, error: `invalid JSON (${(e as Error).message})` };
  }
}
