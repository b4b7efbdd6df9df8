/** Headings: one per English heading, same level and order; endpoints (in headings and the title) untranslated. */
import { align } from '../align';
import { findEndpoint } from '../extract/headings';
import { code } from '../text';
import { DEFAULT_TRANSLATABLE_FRONT_MATTER, show } from './frontmatter';
import { definePageRules } from './rule';

/** Front-matter values that name the page's endpoint like its `#` heading. */
const ENDPOINT_KEYS = new Set(['title', 'sidebar_label']);

export const headings = definePageRules({
  name: 'headings',
  meta: {
    'heading-structure': {
      severity: 'error',
      description: 'Headings differ in number, level or order.',
      fix: 'One heading per English heading, same `#` count.',
    },
    'heading-endpoint': {
      severity: 'error',
      description: 'A method + path in a heading or the title changed.',
      fix: 'Copy `GET /contacts` verbatim.',
    },
  },
  check({ source, target, lines, options }, report) {
    // a translated title or sidebar label keeps the endpoint it names (when both front matters are readable)
    const sf = source.frontMatter;
    const tf = target.frontMatter;
    if (!tf.error && sf.present && !sf.error && tf.present) {
      const translatable = new Set(options.translatableFrontMatter ?? DEFAULT_TRANSLATABLE_FRONT_MATTER);
      const tByKey = new Map(tf.keys.map((k) => [k.key, k] as const));
      for (const s of sf.keys) {
        const t = tByKey.get(s.key);
        if (!t || !ENDPOINT_KEYS.has(s.key) || !translatable.has(s.key) || typeof s.value !== 'string') continue;
        const ep = findEndpoint(s.value);
        if (ep && !(typeof t.value === 'string' && t.value.includes(ep))) {
          report('heading-endpoint', t.line, `${code(s.key)} must keep the endpoint ${code(ep)} (found ${show(t.value)})`);
        }
      }
    }
    const S = source.headings;
    const T = target.headings;
    const ops = align(S, T, (a, b) => {
      if (a.depth !== b.depth) return a.section === b.section && a.section !== '' ? 0.5 : 0.25;
      return 2 + (a.section === b.section ? 1 : 0) + (a.endpoint && a.endpoint === b.endpoint ? 1 : 0) + (a.explicitId && a.explicitId === b.explicitId ? 1 : 0);
    });
    const hashes = (d: number): string => '#'.repeat(d);
    for (const op of ops) {
      if (op.kind === 'delete') {
        const s = S[op.a]!;
        report('heading-structure', lines.map(s.line), `heading ${code(`${hashes(s.depth)} ${s.text}`)} missing (English line ${s.line})`);
      } else if (op.kind === 'insert') {
        const t = T[op.b]!;
        report('heading-structure', t.line, `heading ${code(`${hashes(t.depth)} ${t.text}`)} is not in the English page`);
      } else {
        const s = S[op.a]!;
        const t = T[op.b]!;
        if (s.depth !== t.depth) {
          report('heading-structure', t.line, `heading level ${hashes(t.depth)} should be ${hashes(s.depth)} (English line ${s.line}: ${code(s.text)})`);
        }
        if (s.endpoint && !(t.endpoint === s.endpoint || t.text.includes(s.endpoint))) {
          report('heading-endpoint', t.line, `endpoint ${code(s.endpoint)} changed to ${code(t.endpoint ?? t.text)}: HTTP methods and paths are never translated`);
        }
      }
    }
  },
});
