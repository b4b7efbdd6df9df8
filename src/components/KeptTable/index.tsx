/**
 * The table of the docs' Markdown (src/theme/MDXComponents): a table the page's
 * first hydration keeps as the server rendered it (KeepServerHtml), instead of
 * giving every row, cell, code span and link a fiber of its own. Tables are
 * text: parameters, fields, error codes, lists of events. On POST
 * /messages/send they held a sixth of the page's fibers, which React walked
 * twice (rendering, then committing) while the page loaded.
 *
 * Links in a kept table are plain `<a>` elements with the href the server
 * rendered. The table handles them the way IntentLink handles the sidebar's:
 * a click on a link to another page of the site goes through the app's router
 * (routedPath decides; every other click stays the browser's), the pointer
 * over a link or a touch loads that page's code, keyboard focus downloads it.
 * After a client-side navigation the table renders its children as usual.
 */
import React, { useCallback, type ComponentProps, type FocusEvent, type MouseEvent, type ReactNode, type SyntheticEvent, type TouchEvent } from 'react';
import { useOpenInApp } from '@site/src/components/IntentLink/useOpenInApp';
import KeepServerHtml from '@site/src/components/KeepServerHtml';
import { routedPath, sitePath } from '@site/src/lib/navigation/clientNavigation';

/** The link inside this table that the event happened in, if any. */
function linkOf(event: SyntheticEvent<HTMLElement>): HTMLAnchorElement | null {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  return link instanceof HTMLAnchorElement && event.currentTarget.contains(link) ? link : null;
}

/** The path of the site page a link points to (no query or fragment: routes match paths), for loading its code ahead of a click. */
function linkedPage(event: SyntheticEvent<HTMLElement>): string | null {
  const link = linkOf(event);
  const path = link ? sitePath(link.href, window.location.href) : null;
  return path === null ? null : path.replace(/[?#].*$/s, '');
}

export default function KeptTable({ children, ...rest }: ComponentProps<'table'>): ReactNode {
  const open = useOpenInApp();
  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const link = linkOf(event);
      if (!link) return;
      const path = routedPath(event, { href: link.href, target: link.getAttribute('target'), download: link.hasAttribute('download') }, window.location.href);
      if (path === null) return;
      event.preventDefault();
      open(path);
    },
    [open],
  );
  const preload = useCallback((event: MouseEvent<HTMLElement> | TouchEvent<HTMLElement>) => {
    const page = linkedPage(event);
    if (page !== null) void window.docusaurus.preload(page);
  }, []);
  const prefetch = useCallback((event: FocusEvent<HTMLElement>) => {
    const page = linkedPage(event);
    if (page !== null) void window.docusaurus.prefetch(page);
  }, []);
  return (
    <KeepServerHtml as="table" {...rest} onClick={onClick} onMouseOver={preload} onTouchStart={preload} onFocus={prefetch}>
      {children}
    </KeepServerHtml>
  );
}
