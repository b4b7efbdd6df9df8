/**
 * Report the differences of two aligned sequences (imports, components, link targets,
 * admonitions): a changed item, a missing one (at the mapped line), an extra one.
 */
import { gaps, type AlignOp } from '../align';
import type { LineMap } from '../lineMap';
import type { Report } from './rule';

export interface SequenceReport<T, Id extends string> {
  rule: Id;
  /** What an item is called in messages: "statement", "component", ... */
  noun: string;
  line: (x: T) => number;
  label: (x: T) => string;
  /** More about a changed item (`x should be y`), appended in parentheses. */
  detail?: (source: T, target: T) => string | undefined;
}

export function reportSequence<T, Id extends string>(
  report: Report<Id>,
  lines: LineMap,
  src: readonly T[],
  tgt: readonly T[],
  ops: readonly AlignOp[],
  { rule, noun, line, label, detail }: SequenceReport<T, Id>,
): void {
  for (const g of gaps(ops)) {
    const n = Math.min(g.deletes.length, g.inserts.length);
    for (let i = 0; i < n; i++) {
      const s = src[g.deletes[i]!]!;
      const t = tgt[g.inserts[i]!]!;
      const more = detail?.(s, t);
      report(rule, line(t), `${noun} ${label(t)} should be ${label(s)} (English line ${line(s)}${more ? `; ${more}` : ''})`);
    }
    for (const d of g.deletes.slice(n)) {
      const s = src[d]!;
      report(rule, lines.map(line(s)), `${noun} ${label(s)} missing (English line ${line(s)})`);
    }
    for (const i of g.inserts.slice(n)) {
      const t = tgt[i]!;
      report(rule, line(t), `${noun} ${label(t)} is not in the English page`);
    }
  }
}
