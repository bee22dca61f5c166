/**
 * The few protobuf messages of TensorBoard's event files, encoded by hand (field numbers from
 * tensorflow/core/util/event.proto and framework/summary.proto):
 *   Event   { double wall_time = 1; int64 step = 2; string file_version = 3;
 *             Summary summary = 5; SessionLog session_log = 7; }
 *   Summary { repeated Value value = 1; }   Value { string tag = 1; float simple_value = 2; }
 *   SessionLog { SessionStatus status = 1; }  (START = 1)
 */
export type EventBody =
  { fileVersion: string } | { scalars: Readonly<Record<string, number>> } | { sessionStart: true };

export function encodeEvent(wallTime: number, step: number, body: EventBody): Uint8Array {
  const parts: number[] = [];
  parts.push(0x09, ...float64(wallTime)); // field 1, wire type 1 (64-bit)
  parts.push(0x10, ...varint(step)); // field 2, varint
  if ('fileVersion' in body) {
    parts.push(0x1a, ...lengthDelimited(utf8(body.fileVersion))); // field 3
  } else if ('scalars' in body) {
    const summary: number[] = [];
    for (const [tag, value] of Object.entries(body.scalars)) {
      const v = [0x0a, ...lengthDelimited(utf8(tag)), 0x15, ...float32(value)];
      summary.push(0x0a, ...lengthDelimited(v)); // Summary.value
    }
    parts.push(0x2a, ...lengthDelimited(summary)); // field 5
  } else {
    parts.push(0x3a, ...lengthDelimited([0x08, 0x01])); // field 7: SessionLog{status: START}
  }
  return Uint8Array.from(parts);
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(Math.trunc(n));
  if (v < 0n) v += 1n << 64n; // int64 two's complement, as protobuf writes negatives
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  return out;
}

function lengthDelimited(bytes: ArrayLike<number>): number[] {
  return [...varint(bytes.length), ...Array.from(bytes)];
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function float64(x: number): number[] {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x, true);
  return Array.from(b);
}

function float32(x: number): number[] {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, x, true);
  return Array.from(b);
}
