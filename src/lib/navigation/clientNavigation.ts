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
