/**
 * When a click on a link may be handled by the app's router instead of the
 * browser: the same rule as React Router's <Link> (and so Docusaurus's). A
 * plain primary-button click, not already handled, on a link that opens in the
 * same tab; Ctrl/Cmd/Shift/Alt-clicks and middle clicks stay the browser's
 * (new tab, new window, download).
 */

/** The parts of a mouse event the decision reads (React's and the DOM's events both have them). */
export interface ClickLike {
  button: number;
  metaKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
}

export function isClientNavigationClick(event: ClickLike, target?: string | null): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return false;
  return !target || target === '_self';
}

/** What routedPath reads of a link element. */
export interface LinkLike {
  href: string;
  target?: string | null;
  download?: boolean;
}

/** `href` resolved against `current`, with `current` parsed, when both parse and share an origin; else null. */
function sameOrigin(href: string, current: string): { url: URL; here: URL } | null {
  try {
    const here = new URL(current);
    const url = new URL(href, here);
    return url.origin === here.origin ? { url, here } : null;
  } catch {
    return null;
  }
}

const pathOf = (url: URL) => url.pathname + url.search + url.hash;

/** The path (with query and fragment) of `href` when it is on the same origin as `current`, else null. */
export function sitePath(href: string, current: string): string | null {
  const resolved = sameOrigin(href, current);
  return resolved && pathOf(resolved.url);
}

/**
 * The path the app's router should open for a click on a plain `<a>` inside
 * content React did not render (src/components/KeptTable), or null when the
 * browser should handle it: a modified click, another target, a download,
 * another origin, or a fragment of the page being read (the browser scrolls
 * to it). `current` is the page's own URL.
 */
export function routedPath(event: ClickLike, link: LinkLike, current: string): string | null {
  if (!isClientNavigationClick(event, link.target) || link.download) return null;
  const resolved = sameOrigin(link.href, current);
  if (!resolved) return null;
  const { url, here } = resolved;
  // A fragment of the page being read, even an empty one (`href="#"`, whose `hash` is ''): the browser's.
  if (url.href.includes('#') && url.pathname === here.pathname && url.search === here.search) return null;
  return pathOf(url);
}
