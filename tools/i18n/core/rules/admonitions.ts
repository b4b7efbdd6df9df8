/**
 * Admonitions: the same `:::keyword` blocks with untranslated keywords, each closed where the
 * English one is closed, nested as in English (extract/admonitions.ts reads the nesting as
 * Docusaurus does). A finding is reported at the opening line of the admonition to fix; what
 * follows from it (the admonitions swallowed by an unclosed one) is not reported again.
 */
import { align, gaps } from '../align';
import type { AdmonitionInfo } from '../pageModel';
import { code } from '../text';
import { definePageRules } from './rule';
import { reportSequence } from './sequence';

type Event = { kind: 'open'; index: number } | { kind: 'close'; owner: number };

/** Openings and closings in line order; a stray closing has owner -1. */
function events(list: readonly AdmonitionInfo[], stray: readonly number[]): Event[] {
  const withLines: [number, Event][] = [];
  list.forEach((a, index) => {
    withLines.push([a.line, { kind: 'open', index }]);
    if (a.closeLine !== undefined) withLines.push([a.closeLine, { kind: 'close', owner: index }]);
  });
  for (const l of stray) withLines.push([l, { kind: 'close', owner: -1 }]);
  return withLines.sort((a, b) => a[0] - b[0]).map(([, e]) => e);
}

const fence = (a: AdmonitionInfo): string => ':'.repeat(a.colons) + a.keyword;

export const admonitions = definePageRules({
  name: 'admonitions',
  meta: {
    'admonitions': {
      severity: 'error',
      description: '`:::note`-style blocks differ in keyword (`:::información` for `:::info`) or number.',
      fix: 'Keep the English keywords; translate only a title (`:::tip[Consejo]`).',
    },
    'admonition-unclosed': {
      severity: 'error',
      description: 'An admonition lost its closing `:::`: the rest of the page (or of the admonition around it) falls inside it.',
      fix: 'Add the `:::` line where the English admonition ends.',
    },
    'admonition-nesting': {
      severity: 'error',
      description: 'An admonition is nested differently from English (inside another one, or no longer), an outer admonition does not have more colons than the ones inside it, or a `:::` closes nothing.',
      fix: 'Copy the fences (`::::note` around `:::tip`) and their order from the English page.',
    },
  },
  check({ source, target, lines }, report) {
    const S = source.admonitions;
    const T = target.admonitions;
    const ops = align(S, T, (a, b) => (a.keyword === b.keyword ? 1 : 0));
    reportSequence(report, lines, S, T, ops, { rule: 'admonitions', noun: 'admonition', line: (x) => x.line, label: (x) => code(':::' + x.keyword) });
    // pairs: equal keywords, then translated keywords in place
    const tOf = new Map<number, number>();
    for (const op of ops) if (op.kind === 'match') tOf.set(op.a, op.b);
    for (const g of gaps(ops)) g.deletes.slice(0, g.inserts.length).forEach((a, i) => tOf.set(a, g.inserts[i]!));
    const sOf = new Map([...tOf].map(([a, b]) => [b, a] as const));

    // closings the translation lost: align the open/close events of both pages
    const se = events(S, source.strayAdmonitionClosings);
    const te = events(T, target.strayAdmonitionClosings);
    const eventOps = align(se, te, (x, y) => {
      if (x.kind === 'open' && y.kind === 'open') return tOf.get(x.index) === y.index ? 2 : 0;
      if (x.kind !== 'close' || y.kind !== 'close') return 0;
      return x.owner >= 0 && tOf.get(x.owner) === y.owner ? 2 : 0.5;
    });
    // a closing the translation lost: the English one has no counterpart, and the translated
    // admonition is not closed, or only by a fence that stands for another admonition's closing
    const closedByOther = new Set<number>();
    for (const op of eventOps) {
      if (op.kind !== 'match') continue;
      const x = se[op.a]!;
      const y = te[op.b]!;
      if (x.kind === 'close' && y.kind === 'close' && y.owner >= 0 && tOf.get(x.owner) !== y.owner) closedByOther.add(y.owner);
    }
    const lostClosing = new Set<number>();
    for (const op of eventOps) {
      if (op.kind !== 'delete') continue;
      const e = se[op.a]!;
      if (e.kind !== 'close' || e.owner < 0 || !tOf.has(e.owner)) continue;
      const b = tOf.get(e.owner)!;
      if (T[b]!.closeLine === undefined || closedByOther.has(b)) lostClosing.add(b);
    }

    const reported = new Set<number>();
    const ancestorReported = (b: number): boolean => {
      for (let p = T[b]!.parent; p !== undefined; p = T[p]!.parent) if (reported.has(p)) return true;
      return false;
    };
    const hasChildren = (list: readonly AdmonitionInfo[], i: number): boolean => list.some((x) => x.parent === i);
    for (let b = 0; b < T.length; b++) {
      const a = sOf.get(b);
      if (a === undefined || ancestorReported(b)) continue;
      const s = S[a]!;
      const t = T[b]!;
      if (hasChildren(S, a) && t.colons <= Math.max(...S.filter((x) => x.parent === a).map((x) => x.colons)) && t.colons < s.colons) {
        reported.add(b);
        report('admonition-nesting', t.line, `${code(fence(t))} has no more colons than the admonitions inside it, so their \`:::\` closes it too: write ${code(fence(s))} as the English page does (line ${s.line})`);
      } else if (lostClosing.has(b) || (s.closeLine !== undefined && t.closeLine === undefined)) {
        reported.add(b);
        report('admonition-unclosed', t.line, `${code(fence(t))} is never closed: add a \`${':'.repeat(t.colons)}\` line where it ends (the English one closes at line ${s.closeLine ?? '?'})`);
      } else {
        const sParent = s.parent === undefined ? undefined : tOf.get(s.parent);
        if (sParent !== t.parent) {
          reported.add(b);
          const where = t.parent !== undefined ? `inside ${code(fence(T[t.parent]!))} (line ${T[t.parent]!.line})` : 'outside any admonition';
          const english = s.parent !== undefined ? `inside ${code(fence(S[s.parent]!))}` : 'outside any admonition';
          report('admonition-nesting', t.line, `${code(fence(t))} is ${where}; the English one (line ${s.line}) is ${english}`);
        } else if (hasChildren(T, b) && !hasChildren(S, a)) {
          reported.add(b);
          report('admonition-nesting', t.line, `${code(fence(t))} holds admonitions that the English one (line ${s.line}) does not: close it where the English one closes`);
        }
      }
    }
    // a `:::` that closes nothing (more than in the English page), when nothing above explains it
    const extra = target.strayAdmonitionClosings.length - source.strayAdmonitionClosings.length;
    if (extra > 0 && reported.size === 0) {
      for (const l of target.strayAdmonitionClosings.slice(-extra)) report('admonition-nesting', l, 'this `:::` closes no admonition (an extra or misplaced closing fence)');
    }
  },
});
