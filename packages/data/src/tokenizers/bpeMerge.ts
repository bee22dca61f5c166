/** A candidate merge of the live pair starting at node `left`. */
interface Candidate {
  score: number;
  left: number; // node index (= original position, so smaller is further left)
  id: number; // merged token id
  version: number; // left node's version when pushed; stale when it changed
}

/**
 * SentencePiece-style BPE as llama2.c's `encode` runs it: repeatedly merge the adjacent
 * pair whose concatenation is in the vocabulary with the highest score (leftmost on ties)
 * until none is left. A heap over a linked list gives llama2.c's result in O(n log n)
 * instead of its O(n²) rescans. `pieces` are byte strings (one char per byte).
 */
export function bpeMerge(
  ids: number[],
  pieces: readonly string[],
  scores: Float32Array,
  lookup: ReadonlyMap<string, number>,
): number[] {
  const n = ids.length;
  const token = ids.slice();
  const next = Array.from({ length: n }, (_, i) => (i + 1 < n ? i + 1 : -1));
  const prev = Array.from({ length: n }, (_, i) => i - 1);
  const version = new Array<number>(n).fill(0);
  const alive = new Array<boolean>(n).fill(true);
  const heap: Candidate[] = [];

  const consider = (left: number) => {
    const right = left >= 0 ? next[left] : -1;
    if (left < 0 || right < 0) return;
    const id = lookup.get(pieces[token[left]] + pieces[token[right]]);
    if (id !== undefined) push(heap, { score: scores[id], left, id, version: version[left] });
  };
  for (let i = 0; i + 1 < n; i++) consider(i);

  while (heap.length) {
    const c = pop(heap);
    const right = next[c.left];
    if (!alive[c.left] || c.version !== version[c.left] || right < 0) continue;
    if (lookup.get(pieces[token[c.left]] + pieces[token[right]]) !== c.id) continue;
    token[c.left] = c.id; // merge right into left
    version[c.left] += 1;
    alive[right] = false;
    next[c.left] = next[right];
    if (next[right] >= 0) prev[next[right]] = c.left;
    if (prev[c.left] >= 0) version[prev[c.left]] += 1; // its pair with left changed
    consider(prev[c.left]);
    consider(c.left);
  }
  const out: number[] = [];
  for (let i = n > 0 ? 0 : -1; i >= 0; i = next[i]) out.push(token[i]);
  return out;
}

/** Heap order: higher score first, then leftmost. */
function before(a: Candidate, b: Candidate): boolean {
  return a.score > b.score || (a.score === b.score && a.left < b.left);
}

function push(heap: Candidate[], c: Candidate): void {
  heap.push(c);
  for (let i = heap.length - 1; i > 0;) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function pop(heap: Candidate[]): Candidate {
  const top = heap[0];
  const last = heap.pop() as Candidate;
  if (heap.length) {
    heap[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < heap.length && before(heap[l], heap[best])) best = l;
      if (r < heap.length && before(heap[r], heap[best])) best = r;
      if (best === i) break;
      [heap[i], heap[best]] = [heap[best], heap[i]];
      i = best;
    }
  }
  return top;
}
