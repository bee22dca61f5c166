import type { RawRecord } from './RawRecord';

/**
 * JSON Lines: one record per non-blank line, parsed as it arrives (only the current line
 * is held in memory). A line that is not valid JSON becomes an error record.
 */
export async function* splitJsonLines(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    let nl: number;
    while ((nl = pending.indexOf('\n', start)) >= 0) {
      line++;
      const text = pending.slice(start, nl);
      start = nl + 1;
      if (text.trim()) yield parseLine(text, line);
    }
    pending = pending.slice(start);
  }
  if (pending.trim()) yield parseLine(pending, line + 1);
}

function parseLine(text: string, line: number): RawRecord {
  try {
    return { line, value: JSON.parse(text) };
  } catch (e) {
    return { line, error: `invalid JSON (${(e as Error).message})` };
  }
}
