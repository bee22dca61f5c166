import type { RawRecord } from './RawRecord';
import { splitJsonArray } from './splitJsonArray';
import { splitJsonLines } from './splitJsonLines';

/**
 * Records of a JSON array or a JSON Lines text, told apart by the first non-blank
 * character (`[` opens an array), so a mislabelled `.json` of lines still reads.
 */
export async function* readRawRecords(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<RawRecord> {
  const it = chunks[Symbol.asyncIterator]();
  const head: string[] = [];
  let first: string | undefined;
  while (first === undefined) {
    const next = await it.next();
    if (next.done) return; // blank input: no records
    head.push(next.value);
    const m = /\S/.exec(next.value);
    if (m) first = m[0];
  }
  async function* replay(): AsyncGenerator<string> {
    try {
      yield* head;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.(); // a reader stopped early closes the file
    }
  }
  yield* first === '[' ? splitJsonArray(replay(), file) : splitJsonLines(replay());
}
