/**
 * Where a line of the English page is in the translation: the top-level blocks of both pages
 * are aligned by their signatures, and a line maps into the matched block (or after the last
 * matched block before it). Rules report a missing thing at the mapped line.
 */
import { align } from './align';
import type { Block } from './pageModel';

/** Maps a line of the source page to the corresponding line of the translation, via block alignment. */
export class LineMap {
  private readonly pairs: (number | undefined)[];

  constructor(
    private readonly src: readonly Block[],
    private readonly tgt: readonly Block[],
  ) {
    const ops = align(src, tgt, (a, b) => blockScore(a, b));
    this.pairs = new Array<number | undefined>(src.length).fill(undefined);
    for (const op of ops) if (op.kind === 'match') this.pairs[op.a] = op.b;
  }

  map(line: number): number {
    const idx = this.src.findIndex((b) => b.start <= line && line <= b.end);
    if (idx >= 0) {
      const t = this.pairs[idx];
      const s = this.src[idx] as Block;
      if (t !== undefined) {
        const tb = this.tgt[t] as Block;
        return tb.start + Math.min(line - s.start, tb.end - tb.start);
      }
    }
    for (let k = this.src.length - 1; k >= 0; k--) {
      const s = this.src[k] as Block;
      if (s.start > line || k === idx) continue;
      const t = this.pairs[k];
      if (t !== undefined) return (this.tgt[t] as Block).end;
    }
    for (let k = 0; k < this.src.length; k++) {
      const t = this.pairs[k];
      if (t !== undefined) return (this.tgt[t] as Block).start;
    }
    return 1;
  }
}

function blockScore(a: Block, b: Block): number {
  if (a.sig === b.sig) return a.sig === 'prose' ? 1 : 3;
  const ka = a.sig.replace(/[:\d].*$/, '');
  const kb = b.sig.replace(/[:\d].*$/, '');
  return ka === kb && ka !== 'prose' ? 0.5 : 0;
}
