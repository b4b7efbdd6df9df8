/**
 * Front matter: present where the English page has one, valid YAML, the same keys, untranslated
 * values; every problem at its line (an invalid line does not hide a translated key below it).
 */
import { deepEqual } from '../frontmatter';
import { code } from '../text';
import { definePageRules } from './rule';

/** Front-matter keys whose values are translated. */
export const DEFAULT_TRANSLATABLE_FRONT_MATTER = ['title', 'description', 'sidebar_label'] as const;

export const frontMatter = definePageRules({
  name: 'frontmatter',
  meta: {
    'frontmatter-stray-text': {
      severity: 'error',
      description: 'Text or blank lines before the opening `---`: Docusaurus ignores the front matter.',
      fix: 'Make `---` the very first line.',
    },
    'frontmatter-invalid': {
      severity: 'error',
      description: 'The front matter is not valid YAML, or not closed.',
      fix: 'Fix the YAML at the line; quote values that contain `: `.',
    },
    'frontmatter-keys': {
      severity: 'error',
      description: 'A key was translated, dropped or added.',
      fix: 'Use exactly the English keys.',
    },
    'frontmatter-value': {
      severity: 'error',
      description: 'A value other than `title`/`description`/`sidebar_label` differs.',
      fix: 'Copy the English value.',
    },
  },
  check({ source, target, options }, report) {
    const sf = source.frontMatter;
    const tf = target.frontMatter;
    const translatable = new Set(options.translatableFrontMatter ?? DEFAULT_TRANSLATABLE_FRONT_MATTER);
    if (tf.stray) {
      report('frontmatter-stray-text', tf.stray.line, tf.stray.text.trim()
        ? `text before the front matter (${code(tf.stray.text)}): the \`---\` must be the first line, or Docusaurus ignores the front matter`
        : 'blank line(s) before the front matter: the `---` must be the first line, or Docusaurus ignores the front matter');
    }
    if (tf.error) {
      for (const e of tf.errors ?? [tf.error]) report('frontmatter-invalid', e.line, `front matter is not valid YAML: ${e.message}`);
      // an unclosed front matter has no keys to compare; an invalid line does not hide the other problems
      if (!tf.errors) return;
    }
    if (sf.error || !sf.present) {
      if (!sf.present && tf.present) report('frontmatter-keys', tf.startLine, 'front matter that the English page does not have');
      return;
    }
    if (!tf.present) {
      report('frontmatter-keys', 1, `front matter missing (the English page has ${sf.keys.map((k) => code(k.key)).join(', ')})`);
      return;
    }
    const tByKey = new Map(tf.keys.map((k) => [k.key, k] as const));
    const sByKey = new Map(sf.keys.map((k) => [k.key, k] as const));
    const missing = sf.keys.filter((k) => !tByKey.has(k.key));
    const extra = tf.keys.filter((k) => !sByKey.has(k.key));
    const paired = Math.min(missing.length, extra.length);
    for (let i = 0; i < paired; i++) {
      const m = missing[i]!;
      const x = extra[i]!;
      report('frontmatter-keys', x.line, `front-matter key ${code(x.key)} should be ${code(m.key)} (keys are never translated)`);
    }
    // a key lost in a line that is not valid YAML (`title Pagination`) is that line's error, already reported
    const brokenLines = (tf.errors ?? []).map((e) => target.lines[e.line - 1] ?? '');
    for (const m of missing.slice(paired)) {
      if (brokenLines.some((l) => l.trimStart().startsWith(m.key))) continue;
      const idx = sf.keys.indexOf(m);
      let line = tf.startLine;
      for (let k = idx - 1; k >= 0; k--) {
        const prev = tByKey.get(sf.keys[k]!.key);
        if (prev) {
          line = prev.line;
          break;
        }
      }
      report('frontmatter-keys', line, `front-matter key ${code(m.key)} missing`);
    }
    for (const x of extra.slice(paired)) report('frontmatter-keys', x.line, `front-matter key ${code(x.key)} is not in the English page`);
    for (const s of sf.keys) {
      const t = tByKey.get(s.key);
      if (t && !t.invalid && !translatable.has(s.key) && !deepEqual(s.value, t.value)) {
        report('frontmatter-value', t.line, `${code(s.key)} must not be translated: expected ${show(s.value)}, found ${show(t.value)}`);
      }
    }
  },
});

/** A front-matter value in backticks. */
export function show(v: unknown): string {
  return code(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
}
