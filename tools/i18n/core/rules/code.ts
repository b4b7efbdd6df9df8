/**
 * Code blocks: the same blocks with the same opening fence; JSON examples unchanged, every
 * difference at its line (jsonDiff.ts); other code unchanged, line by line.
 */
import { diffLines } from '../../../../src/lib/i18n/diff';
import { parseJson } from '../../../../src/lib/i18n/json';
import { align } from '../align';
import { diffJson } from '../jsonDiff';
import type { CodeBlockInfo } from '../pageModel';
import { code, squash } from '../text';
import { definePageRules, type Report } from './rule';

const JSON_LANGS = new Set(['json', 'jsonc', 'json5']);

export const codeBlocks = definePageRules({
  name: 'code',
  meta: {
    'code-block-count': {
      severity: 'error',
      description: 'A code block is missing or was added.',
      fix: 'Keep every code block.',
    },
    'code-block-lang': {
      severity: 'error',
      description: 'The opening fence changed (language or `title=...`).',
      fix: 'Copy the opening fence line.',
    },
    'code-json': {
      severity: 'error',
      description: 'A JSON example differs: a key (or a key under a translated key), a value (URL, id, enum value, number, boolean, date) or an array element was translated, added or dropped, or it no longer parses. Each at its line.',
      fix: 'Copy the JSON; re-indenting is fine.',
    },
    'code-content': {
      severity: 'error',
      description: 'Another code block differs.',
      fix: 'Copy the code verbatim, comments included.',
    },
  },
  check({ source, target, lines }, report) {
    const S = source.codeBlocks;
    const T = target.codeBlocks;
    let pairs: { a: number; b: number }[];
    if (S.length === T.length) pairs = S.map((_, i) => ({ a: i, b: i }));
    else {
      const ops = align(S, T, (a, b) => (a.lang === b.lang ? (a.meta === b.meta ? 3 : 2) + (a.value === b.value ? 1 : 0) : 0));
      pairs = [];
      for (const op of ops) {
        if (op.kind === 'match') pairs.push({ a: op.a, b: op.b });
        else if (op.kind === 'delete') {
          const s = S[op.a]!;
          report('code-block-count', lines.map(s.line), `code block ${fence(s)} missing (English line ${s.line}); the English page has ${S.length} code blocks, this one ${T.length}`);
        } else {
          const t = T[op.b]!;
          report('code-block-count', t.line, `code block ${fence(t)} is not in the English page (${S.length} code blocks there, ${T.length} here)`);
        }
      }
    }
    for (const { a, b } of pairs) {
      const s = S[a]!;
      const t = T[b]!;
      if (s.lang !== t.lang || squash(s.meta) !== squash(t.meta)) {
        report('code-block-lang', t.line, `code block opens with ${fence(t)}, the English one with ${fence(s)}`);
      }
      if (JSON_LANGS.has(s.lang.toLowerCase())) jsonBlock(s, t, report);
      else textBlock('code-content', s, t, report);
    }
  },
});

type CodeReport = Report<'code-json' | 'code-content'>;

function fence(c: CodeBlockInfo): string {
  return '"```' + [c.lang, c.meta].filter(Boolean).join(' ') + '"';
}

function jsonBlock(s: CodeBlockInfo, t: CodeBlockInfo, report: CodeReport): void {
  const offset = t.contentLine - 1;
  let lenient = false;
  let src = parseJson(s.value);
  if (!src.ok) {
    lenient = true;
    src = parseJson(s.value, { lenient: true });
  }
  if (!src.ok) {
    // the English example is not JSON: compare it as text
    textBlock('code-json', s, t, report);
    return;
  }
  const tgt = parseJson(t.value, { lenient, lineOffset: offset });
  if (!tgt.ok) {
    report('code-json', tgt.error.line, `JSON example no longer parses (column ${tgt.error.column}): ${tgt.error.message}`);
    return;
  }
  for (const d of diffJson(src.node, tgt.node)) report('code-json', d.line, d.message);
}

function textBlock(rule: 'code-json' | 'code-content', s: CodeBlockInfo, t: CodeBlockInfo, report: CodeReport): void {
  const norm = (v: string): string[] => {
    const ls = v.split('\n').map((l) => l.trimEnd());
    while (ls.length && ls[ls.length - 1] === '') ls.pop();
    return ls;
  };
  const a = norm(s.value);
  const b = norm(t.value);
  if (a.length === b.length && a.every((l, i) => l === b[i])) return;
  const d = diffLines(a, b);
  let reported = 0;
  for (let i = 0; i < d.length && reported < 20; i++) {
    if (d[i]!.kind === ' ') continue;
    let j = i;
    while (j < d.length && d[j]!.kind !== ' ') j++;
    const hunk = d.slice(i, j);
    const removed = hunk.filter((h) => h.kind === '-');
    const added = hunk.filter((h) => h.kind === '+');
    let newLine = added[0]?.newLine;
    if (newLine === undefined) {
      for (let k = i - 1; k >= 0; k--) if (d[k]!.newLine !== undefined) {
        newLine = d[k]!.newLine;
        break;
      }
    }
    const line = t.contentLine + (newLine ?? 1) - 1;
    const what = removed.length && added.length
      ? `expected ${code(removed[0]!.text)}, found ${code(added[0]!.text)}`
      : removed.length ? `line ${code(removed[0]!.text)} missing` : `extra line ${code(added[0]!.text)}`;
    report(rule, line, `code differs from the English block (English line ${s.contentLine + (removed[0]?.oldLine ?? 1) - 1}): ${what}`);
    reported++;
    i = j;
  }
}
