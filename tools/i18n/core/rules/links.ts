/**
 * Links (inline, bare URLs, references at their definition): the same targets in the same order,
 * a changed host or translated path segment named; in-page `#anchors` point at a heading of the
 * translation.
 */
import { align } from '../align';
import { code } from '../text';
import { describeUrlChange } from '../url';
import { definePageRules } from './rule';
import { reportSequence } from './sequence';

export const links = definePageRules({
  name: 'links',
  meta: {
    'link-targets': {
      severity: 'error',
      description: 'Link targets differ (added, dropped, reordered, or changed: a translated path segment, another host).',
      fix: 'Translate the link text only.',
    },
    'link-anchor': {
      severity: 'error',
      description: 'A `#anchor` matches no heading of the translated page.',
      fix: 'Use the translated heading\'s anchor, or `{#id}` on the heading.',
    },
  },
  check({ source, target, lines }, report) {
    const sk = source.links.map((l) => linkKey(l.url));
    const tk = target.links.map((l) => linkKey(l.url));
    const ops = align(sk, tk, (a, b) => (a === b ? 1 : 0));
    reportSequence(report, lines, source.links, target.links, ops, {
      rule: 'link-targets',
      noun: 'link target',
      line: (x) => x.line,
      label: (x) => code(x.url),
      detail: (s, t) => describeUrlChange(s.url, t.url),
    });
    const brokenInSource = new Set(
      source.links.filter((l) => l.url.startsWith('#') && !source.slugs.has(decode(l.url.slice(1)))).map((l) => l.url),
    );
    for (const l of target.links) {
      if (!l.url.startsWith('#') || l.url === '#') continue;
      const id = decode(l.url.slice(1));
      if (target.slugs.has(id) || brokenInSource.has(l.url)) continue;
      const near = [...target.slugs].slice(0, 8).map((x) => '#' + x).join(', ');
      report('link-anchor', l.line, `anchor ${code(l.url)} matches no heading of this page (headings here: ${near || 'none'})`);
    }
  },
});

/** What must stay equal in a link target: the URL, except that in-page anchors are all alike and a page's anchor may change. */
export function linkKey(url: string): string {
  const u = url.trim();
  if (u.startsWith('#')) return '#';
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('//')) return u;
  const hash = u.indexOf('#');
  return hash >= 0 ? u.slice(0, hash) : u;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
