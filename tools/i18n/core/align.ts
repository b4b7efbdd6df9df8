/**
 * Order-preserving alignment of two sequences (a weighted longest common
 * subsequence). `score(x, y) > 0` means x and y may be paired; the alignment
 * maximises the total score.
 */
export type AlignOp =
  | { kind: 'match'; a: number; b: number }
  | { kind: 'delete'; a: number }
  | { kind: 'insert'; b: number };

export function align<A, B>(a: readonly A[], b: readonly B[], score: (x: A, y: B) => number): AlignOp[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const dp = new Float64Array((n + 1) * w);
  const sc = new Float64Array(n * m);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(a[i] as A, b[j] as B);
      sc[i * m + j] = s;
      let best = Math.max(dp[(i + 1) * w + j] ?? 0, dp[i * w + j + 1] ?? 0);
      if (s > 0) best = Math.max(best, s + (dp[(i + 1) * w + j + 1] ?? 0));
      dp[i * w + j] = best;
    }
  }
  const ops: AlignOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = sc[i * m + j] ?? 0;
    const here = dp[i * w + j] ?? 0;
    if (s > 0 && here === s + (dp[(i + 1) * w + j + 1] ?? 0)) {
      ops.push({ kind: 'match', a: i, b: j });
      i++;
      j++;
    } else if (here === (dp[(i + 1) * w + j] ?? 0)) {
      ops.push({ kind: 'delete', a: i });
      i++;
    } else {
      ops.push({ kind: 'insert', b: j });
      j++;
    }
  }
  for (; i < n; i++) ops.push({ kind: 'delete', a: i });
  for (; j < m; j++) ops.push({ kind: 'insert', b: j });
  return ops;
}

/** A run of unmatched items between two matches. */
export interface Gap {
  deletes: number[];
  inserts: number[];
  /** Last match before the gap. */
  before?: { a: number; b: number };
  /** First match after the gap. */
  after?: { a: number; b: number };
}

export function gaps(ops: readonly AlignOp[]): Gap[] {
  const out: Gap[] = [];
  let current: Gap | undefined;
  let lastMatch: { a: number; b: number } | undefined;
  for (const op of ops) {
    if (op.kind === 'match') {
      if (current) {
        current.after = { a: op.a, b: op.b };
        out.push(current);
        current = undefined;
      }
      lastMatch = { a: op.a, b: op.b };
      continue;
    }
    if (!current) current = { deletes: [], inserts: [], ...(lastMatch ? { before: lastMatch } : {}) };
    if (op.kind === 'delete') current.deletes.push(op.a);
    else current.inserts.push(op.b);
  }
  if (current) out.push(current);
  return out;
}

/** Matched index pairs of an alignment. */
export function matches(ops: readonly AlignOp[]): { a: number; b: number }[] {
  const out: { a: number; b: number }[] = [];
  for (const op of ops) if (op.kind === 'match') out.push({ a: op.a, b: op.b });
  return out;
}
