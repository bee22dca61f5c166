import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { PrefoptError } from '@prefopt/core';

/**
 * The text of `file` as a stream of chunks, gunzipped when its first bytes are the gzip
 * magic (whatever its name). Reads sequentially, so pipes and FIFOs work too; memory stays
 * at one chunk (64 KiB) however large the file.
 */
export async function* openTextChunks(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file, { highWaterMark: 64 * 1024 });
  const bytes = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let first: IteratorResult<Buffer>;
  try {
    first = await bytes.next();
  } catch (e) {
    raw.destroy();
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (e as Error).message;
    throw new PrefoptError(
      'data',
      `cannot read data file ${file}: ${why}. Check the --data path.`,
      { cause: e },
    );
  }
  if (first.done) return;
  const gzip = first.value.length >= 2 && first.value[0] === 0x1f && first.value[1] === 0x8b;
  async function* all(): AsyncGenerator<Buffer> {
    yield first.value;
    for (let next = await bytes.next(); !next.done; next = await bytes.next()) yield next.value;
  }
  const stream = gzip ? Readable.from(all()).pipe(createGunzip()) : Readable.from(all());
  const decoder = new TextDecoder('utf-8');
  let atStart = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text = decoder.decode(chunk, { stream: true });
      if (atStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark
      atStart = false;
      if (text) yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (e) {
    if (PrefoptError.is(e)) throw e;
    const what = gzip ? 'not a valid gzip file' : 'cannot read';
    throw new PrefoptError('data', `${file}: ${what}: ${(e as Error).message}`, { cause: e });
  } finally {
    stream.destroy();
    raw.destroy();
  }
}
