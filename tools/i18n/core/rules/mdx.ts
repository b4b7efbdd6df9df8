/** MDX: the translation still compiles, and keeps the English import/export statements. */
import { align } from '../align';
import { code } from '../text';
import { definePageRules } from './rule';
import { reportSequence } from './sequence';

export const mdx = definePageRules({
  name: 'mdx',
  meta: {
    'mdx-syntax': {
      severity: 'error',
      description: 'The page no longer compiles as MDX (unclosed tag, stray `{` or `<`).',
      fix: 'Fix the syntax at the position; escape literal `{` `<`.',
    },
    'mdx-imports': {
      severity: 'error',
      description: '`import`/`export` lines differ.',
      fix: 'Copy them verbatim.',
    },
  },
  check({ source, target, lines }, report) {
    if (target.syntaxError && !source.syntaxError) {
      report('mdx-syntax', target.syntaxError.line, `MDX no longer compiles (column ${target.syntaxError.column}): ${target.syntaxError.message}`);
    }
    if (target.syntaxError || source.syntaxError) return;
    const ops = align(source.imports, target.imports, (a, b) => (a.normalized === b.normalized ? 1 : 0));
    reportSequence(report, lines, source.imports, target.imports, ops, { rule: 'mdx-imports', noun: 'statement', line: (x) => x.line, label: (x) => code(x.text) });
  },
});
