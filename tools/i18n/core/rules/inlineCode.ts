/**
 * Inline code: every `span` of the English page, exactly, in the same number. An altered span is
 * reported at its line (a URL or path in it: what changed, host or path segment).
 */
import { align } from '../align';
import { code } from '../text';
import { describeUrlChange } from '../url';
import { definePageRules } from './rule';

export const inlineCode = definePageRules({
  name: 'inlineCode',
  meta: {
    'inline-code': {
      severity: 'error',
      description: 'An inline code span was altered, dropped or added.',
      fix: 'Keep every `` `span` `` exactly.',
    },
  },
  check({ source, target, lines }, report) {
    const count = (xs: readonly { value: string }[]): Map<string, number> => {
      const m = new Map<string, number>();
      for (const x of xs) m.set(x.value, (m.get(x.value) ?? 0) + 1);
      return m;
    };
    const cs = count(source.inlineCodes);
    const ct = count(target.inlineCodes);
    const delta = new Map<string, number>(); // target - source
    for (const [v, n] of ct) delta.set(v, n - (cs.get(v) ?? 0));
    for (const [v, n] of cs) if (!ct.has(v)) delta.set(v, -n);
    if ([...delta.values()].every((d) => d === 0)) return;
    const ops = align(source.inlineCodes, target.inlineCodes, (a, b) => (a.value === b.value ? 1 : 0));
    const surplus = new Map(delta);
    const missing: { value: string; line: number; mapped: number }[] = [];
    const extra: { value: string; line: number }[] = [];
    for (const op of ops) {
      if (op.kind === 'delete') {
        const s = source.inlineCodes[op.a]!;
        const d = surplus.get(s.value) ?? 0;
        if (d < 0) {
          surplus.set(s.value, d + 1);
          missing.push({ value: s.value, line: s.line, mapped: lines.map(s.line) });
        }
      } else if (op.kind === 'insert') {
        const t = target.inlineCodes[op.b]!;
        const d = surplus.get(t.value) ?? 0;
        if (d > 0) {
          surplus.set(t.value, d - 1);
          extra.push(t);
        }
      }
    }
    // deficits that the alignment matched elsewhere (reordering): report the last occurrences
    for (const [v, d] of surplus) {
      if (d < 0) {
        const occ = source.inlineCodes.filter((s) => s.value === v).slice(d);
        for (const s of occ) missing.push({ value: v, line: s.line, mapped: lines.map(s.line) });
      } else if (d > 0) {
        for (const t of target.inlineCodes.filter((x) => x.value === v).slice(-d)) extra.push(t);
      }
    }
    // an altered span: a missing one and an extra one in the same block (paragraph, table row, list)
    const blockOf = (line: number): number => target.blocks.findIndex((b) => b.start <= line && line <= b.end);
    const usedExtra = new Set<number>();
    for (const m of missing) {
      const mb = blockOf(m.mapped);
      const k = extra.findIndex((x, i) => !usedExtra.has(i) && (x.line === m.mapped || (mb >= 0 && blockOf(x.line) === mb)));
      if (k >= 0) {
        usedExtra.add(k);
        const x = extra[k]!;
        const url = describeUrlChange(m.value, x.value);
        report('inline-code', x.line, `inline code ${code(x.value)} altered: the English page has ${code(m.value)} (English line ${m.line})${url ? `; ${url}` : ''}`);
      } else {
        report('inline-code', m.mapped, `inline code ${code(m.value)} missing (English line ${m.line}; it appears ${cs.get(m.value) ?? 0}× there, ${ct.get(m.value) ?? 0}× here)`);
      }
    }
    extra.forEach((x, i) => {
      if (!usedExtra.has(i)) report('inline-code', x.line, `inline code ${code(x.value)} is not in the English page (${cs.get(x.value) ?? 0}× there, ${ct.get(x.value) ?? 0}× here)`);
    });
  },
});
