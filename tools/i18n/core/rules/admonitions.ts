/** Admonitions: the same `:::keyword` blocks, keywords untranslated. */
import { align } from '../align';
import { code } from '../text';
import { definePageRules } from './rule';
import { reportSequence } from './sequence';

export const admonitions = definePageRules({
  name: 'admonitions',
  meta: {
    'admonitions': {
      severity: 'error',
      description: '`:::note`-style blocks differ in keyword or number.',
      fix: 'Keep the English keywords.',
    },
  },
  check({ source, target, lines }, report) {
    const ops = align(source.admonitions, target.admonitions, (a, b) => (a.keyword === b.keyword ? 1 : 0));
    reportSequence(report, lines, source.admonitions, target.admonitions, ops, { rule: 'admonitions', noun: 'admonition', line: (x) => x.line, label: (x) => code(':::' + x.keyword) });
  },
});
