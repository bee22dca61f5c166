import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { encodeEvent, type EventBody } from './encodeEvent';
import { maskedCrc32c } from './crc32c';

let fileCounter = 0;

/**
 * One TensorBoard event file (`events.out.tfevents.<time>.<host>.<pid>.<n>` in `dir`),
 * written as TFRecords: u64 length, masked CRC-32C of the length, the Event bytes, masked
 * CRC-32C of the bytes. Every event is appended at once (nothing buffered to lose).
 */
export class EventFileWriter {
  readonly file: string;
  private readonly now: () => number;

  constructor(dir: string, now: () => number = Date.now) {
    mkdirSync(dir, { recursive: true });
    const seconds = Math.floor(now() / 1000);
    this.file = join(
      dir,
      `events.out.tfevents.${seconds}.${hostname()}.${process.pid}.${fileCounter++}`,
    );
    this.now = now;
    writeFileSync(
      this.file,
      record(encodeEvent(now() / 1000, 0, { fileVersion: 'brain.Event:2' })),
    );
  }

  write(step: number, body: EventBody): void {
    appendFileSync(this.file, record(encodeEvent(this.now() / 1000, step, body)));
  }
}

function record(data: Uint8Array): Uint8Array {
  const head = new Uint8Array(12);
  const view = new DataView(head.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, maskedCrc32c(head.subarray(0, 8)), true);
  const tail = new Uint8Array(4);
  new DataView(tail.buffer).setUint32(0, maskedCrc32c(data), true);
  const out = new Uint8Array(16 + data.length);
  out.set(head, 0);
  out.set(data, 12);
  out.set(tail, 12 + data.length);
  return out;
}
