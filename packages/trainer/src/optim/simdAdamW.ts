/**
 * AdamW's element-wise update as a WebAssembly SIMD kernel (f32x4: four floats per
 * instruction, in float32 like the plain path's tfjs ops, rounding after each operation
 * exactly as they do). The module is assembled here from its instructions (no toolchain
 * needed); the text form is:
 *
 *   (func (export "adamw") (param $p $g $m $v $n i32)
 *         (param $coef $b1 $ob1 $b2 $ob2 $bc2 $eps $step $keep f32)
 *     ;; for each 4 floats at byte offset i < 4n (n a multiple of 4):
 *     gk  = g[i] * coef
 *     m[i] = mk = m[i]*b1 + gk*ob1
 *     v[i] = vk = v[i]*b2 + (gk*gk)*ob2
 *     p[i] = p[i]*keep − (mk / (sqrt(vk)/bc2 + eps)) * step)
 *   (memory (export "mem") 1)
 */

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

// locals: params 0..13, then i, end (i32), then the v128 ones
const [P, G, M, V, N] = [0, 1, 2, 3, 4];
const [COEF, B1, OB1, B2, OB2, BC2, EPS, STEP, KEEP] = [5, 6, 7, 8, 9, 10, 11, 12, 13];
const [I, END] = [14, 15];
const SPLAT = (k: number) => 16 + (k - COEF); // v128 splat of scalar param k
const [GK, MK, VK] = [25, 26, 27];

const get = (k: number) => [0x20, ...uleb(k)];
const set = (k: number) => [0x21, ...uleb(k)];
const simd = (op: number) => [0xfd, ...uleb(op)];
const load = (base: number) => [...get(base), ...get(I), 0x6a, ...simd(0x00), 4, 0]; // v128.load align 16
const storeAt = (base: number) => [...get(base), ...get(I), 0x6a]; // address, then value, then store
const STORE = [...simd(0x0b), 4, 0];
const [SPLATF, SQRT, ADD, SUB, MUL, DIV] = [0x13, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7].map(simd);

function body(): number[] {
  const code: number[] = [];
  code.push(...get(N), 0x41, ...[4], 0x6c, ...set(END)); // end = n * 4 (bytes)
  for (let k = COEF; k <= KEEP; k++) code.push(...get(k), ...SPLATF, ...set(SPLAT(k)));
  code.push(0x02, 0x40, 0x03, 0x40); // block, loop
  code.push(...get(I), ...get(END), 0x4f, 0x0d, 1); // i >= end: br_if out of the block
  code.push(...load(G), ...get(SPLAT(COEF)), ...MUL, ...set(GK));
  code.push(...storeAt(M), ...load(M), ...get(SPLAT(B1)), ...MUL);
  code.push(...get(GK), ...get(SPLAT(OB1)), ...MUL, ...ADD, 0x22, ...uleb(MK), ...STORE); // tee
  code.push(...storeAt(V), ...load(V), ...get(SPLAT(B2)), ...MUL);
  code.push(...get(GK), ...get(GK), ...MUL, ...get(SPLAT(OB2)), ...MUL, ...ADD);
  code.push(0x22, ...uleb(VK), ...STORE);
  code.push(...storeAt(P), ...load(P), ...get(SPLAT(KEEP)), ...MUL);
  code.push(
    ...get(MK),
    ...get(VK),
    ...SQRT,
    ...get(SPLAT(BC2)),
    ...DIV,
    ...get(SPLAT(EPS)),
    ...ADD,
  );
  code.push(...DIV, ...get(SPLAT(STEP)), ...MUL, ...SUB, ...STORE);
  code.push(...get(I), 0x41, ...[16], 0x6a, ...set(I), 0x0c, 0, 0x0b, 0x0b); // i += 16; br loop
  const locals = vec([
    [2, I32],
    [12, V128],
  ]);
  const fn = [...locals, ...code, 0x0b];
  return [...uleb(fn.length), ...fn];
}

function moduleBytes(): Uint8Array {
  const params = [...Array(5).fill(I32), ...Array(9).fill(F32)];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, ...vec(params.map((t) => [t])), 0]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(
      7,
      vec([
        [...name('adamw'), 0x00, 0],
        [...name('mem'), 0x02, 0],
      ]),
    ),
    ...section(10, vec([body()])),
  ];
  return Uint8Array.from(bytes);
}

/** The part of WebAssembly's JavaScript API used here (the tsconfig has no DOM/wasm lib). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

export interface SimdAdamW {
  memory: WasmMemory;
  adamw: (
    p: number,
    g: number,
    m: number,
    v: number,
    n: number,
    coef: number,
    b1: number,
    ob1: number,
    b2: number,
    ob2: number,
    bc2: number,
    eps: number,
    step: number,
    keep: number,
  ) => void;
}

/** The compiled kernel, or null where WebAssembly SIMD is missing. */
export function createSimdAdamW(): SimdAdamW | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wasm) return null;
  try {
    const instance = new wasm.Instance(new wasm.Module(moduleBytes()));
    const { adamw, mem } = instance.exports as unknown as {
      adamw: SimdAdamW['adamw'];
      mem: WasmMemory;
    };
    return { memory: mem, adamw };
  } catch {
    return null;
  }
}
