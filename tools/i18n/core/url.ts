/**
 * What changed between two URLs (or paths) that must be equal: the host, a translated path
 * segment, the query. For the messages of the link, inline-code and JSON rules. Pure.
 */
import { code } from './text';

interface UrlParts {
  origin: string;
  host: string;
  segments: string[];
  query: string;
}

/** Whether a value is a URL or an absolute path (`https://...`, `//host/...`, `/api/...`). */
export function isUrlLike(value: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|\/(?!\/)[^\s]*$|www\.)/i.test(value.trim()) && !/\s/.test(value.trim());
}

function parts(value: string): UrlParts | undefined {
  const v = value.trim();
  if (!isUrlLike(v)) return undefined;
  const m = /^(?:([a-z][a-z0-9+.-]*:)?\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?/i.exec(v.startsWith('www.') ? `http://${v}` : v);
  if (!m) return undefined;
  return {
    origin: m[1] ?? '',
    host: (m[2] ?? '').toLowerCase(),
    segments: (m[3] ?? '').split('/').filter(Boolean),
    query: m[4] ?? '',
  };
}

/**
 * How `found` differs from `expected` when both are URLs or paths: "host `a` should be `b`",
 * "path segment `contatti` should be `contacts`", ...; undefined when they are equal or not URLs.
 */
export function describeUrlChange(expected: string, found: string): string | undefined {
  if (expected.trim() === found.trim()) return undefined;
  const a = parts(expected);
  const b = parts(found);
  if (!a || !b) return undefined;
  const out: string[] = [];
  if (a.origin !== b.origin && a.host && b.host) out.push(`scheme ${code(b.origin)} should be ${code(a.origin)}`);
  if (a.host !== b.host) out.push(b.host ? (a.host ? `host ${code(b.host)} should be ${code(a.host)}` : `host ${code(b.host)} added`) : `host ${code(a.host)} missing`);
  const n = Math.max(a.segments.length, b.segments.length);
  const changed: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (x === y) continue;
    if (x !== undefined && y !== undefined) changed.push(`path segment ${code(y)} should be ${code(x)}`);
    else if (x !== undefined) changed.push(`path segment ${code(x)} missing`);
    else changed.push(`extra path segment ${code(y as string)}`);
  }
  out.push(...changed.slice(0, 3));
  if (a.query !== b.query) out.push(`query ${code(b.query || '(none)')} should be ${code(a.query || '(none)')}`);
  return out.length ? `URL changed: ${out.join(', ')}` : undefined;
}
