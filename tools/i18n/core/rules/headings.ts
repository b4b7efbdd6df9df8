/**
 * Headings: one per English heading, same level and order, none repeated where the English ones
 * differ; endpoints (in headings and the title) untranslated. (A heading in another language is
 * the language rule's.)
 */
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
    'heading-repeated': {
      severity: 'error',
      description: 'A heading repeats an earlier heading of the page where the English headings differ (a copy-paste: `## Risposta` for both "Response" and "Example Response").',
      fix: 'Translate the heading of its own English heading.',
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
    if ((!tf.error || tf.errors) && sf.present && !sf.error && tf.present) {
      const translatable = new Set(options.translatableFrontMatter ?? DEFAULT_TRANSLATABLE_FRONT_MATTER);
      const tByKey = new Map(tf.keys.map((k) => [k.key, k] as const));
      for (const s of sf.keys) {
        const t = tByKey.get(s.key);
        if (!t || t.invalid || !ENDPOINT_KEYS.has(s.key) || !translatable.has(s.key) || typeof s.value !== 'string') continue;
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
    const seen = new Map<string, { english: string; line: number }>();
    for (const op of ops) {
      if (op.kind === 'match') {
        const s = S[op.a]!;
        const t = T[op.b]!;
        const key = t.text.toLowerCase();
        const before = seen.get(key);
        if (before && before.english !== s.text.toLowerCase()) {
          report('heading-repeated', t.line, `heading ${code(t.text)} repeats the heading of line ${before.line}, but the English headings differ (${code(s.text)} here); translate this one from its own English heading`);
        } else if (!before) seen.set(key, { english: s.text.toLowerCase(), line: t.line });
      }
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
