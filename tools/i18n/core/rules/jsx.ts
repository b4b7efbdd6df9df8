/** JSX components: the same components in the same order, with the same props (text props excepted). */
import { align } from '../align';
import type { JsxAttr } from '../pageModel';
import { code } from '../text';
import { definePageRules } from './rule';
import { reportSequence } from './sequence';

/** JSX props that hold translatable text. */
export const DEFAULT_PROSE_PROPS = ['title', 'label', 'description', 'alt', 'placeholder', 'aria-label'] as const;

export const jsx = definePageRules({
  name: 'jsx',
  meta: {
    'jsx-components': {
      severity: 'error',
      description: 'A component is missing, added, renamed or moved.',
      fix: 'Keep every component, same name, same order.',
    },
    'jsx-props': {
      severity: 'error',
      description: 'A prop was added, dropped or (for non-text props) changed.',
      fix: 'Copy props; translate only `title`, `label`, `description`, `alt`, `placeholder`, `aria-label`.',
    },
  },
  check({ source, target, lines, options }, report) {
    if (target.syntaxError || source.syntaxError) return; // the components of a page that does not compile are not known
    const prose = new Set<string>(options.proseProps ?? DEFAULT_PROSE_PROPS);
    const ops = align(source.jsx, target.jsx, (a, b) => (a.name === b.name ? 1 : 0));
    reportSequence(report, lines, source.jsx, target.jsx, ops, { rule: 'jsx-components', noun: 'component', line: (x) => x.line, label: (x) => code(`<${x.name}>`) });
    for (const op of ops) {
      if (op.kind !== 'match') continue;
      const s = source.jsx[op.a]!;
      const t = target.jsx[op.b]!;
      const tAttrs = new Map(t.attrs.map((a) => [a.name === '{...}' ? `{...${a.value}}` : a.name, a] as const));
      const sNames = new Set<string>();
      for (const a of s.attrs) {
        const key = a.name === '{...}' ? `{...${a.value}}` : a.name;
        sNames.add(key);
        const ta = tAttrs.get(key);
        if (!ta) {
          report('jsx-props', t.line, `prop ${code(a.name === '{...}' ? `{${a.value}}` : a.name)} of ${code(`<${s.name}>`)} missing`);
          continue;
        }
        if (prose.has(a.name)) continue;
        if (a.kind !== ta.kind || a.value !== ta.value) {
          report('jsx-props', ta.line, `prop ${code(a.name)} of ${code(`<${s.name}>`)} must not change: expected ${code(showAttr(a))}, found ${code(showAttr(ta))}`);
        }
      }
      for (const [key, ta] of tAttrs) {
        if (!sNames.has(key)) report('jsx-props', ta.line, `prop ${code(ta.name === '{...}' ? `{${ta.value}}` : ta.name)} of ${code(`<${t.name}>`)} is not in the English page`);
      }
    }
  },
});

function showAttr(a: Pick<JsxAttr, 'kind' | 'value'>): string {
  if (a.kind === 'literal') return JSON.stringify(a.value);
  if (a.kind === 'boolean') return '(boolean)';
  return `{${a.value}}`;
}
