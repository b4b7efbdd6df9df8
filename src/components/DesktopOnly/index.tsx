/**
 * <DesktopOnly>{<TheDesktopPart/>}</DesktopOnly>: a part of the page that
 * Docusaurus renders on the server for every screen and removes right after
 * the page has loaded on a small one, where CSS hides it meanwhile (the
 * desktop sidebar and table of contents: Docusaurus knows the screen's width
 * only after hydration, see useWindowSize).
 *
 * On a small screen (Docusaurus's breakpoint, 996 px), the page's first
 * hydration adopts the server's element as it is, with an empty
 * `dangerouslySetInnerHTML` as KeepServerHtml does, instead of hydrating the
 * whole part only to remove it a moment later. Everywhere else, and after any
 * later render, it renders `children`. The part must render one `<div>` at its
 * root (both do).
 */
import React, { useState, type ReactNode } from 'react';
import { inFirstHydration } from '@site/src/components/KeepServerHtml/firstHydration';
import { DESKTOP_BREAKPOINT } from '@site/src/config/layout';

const KEEP = { __html: '' };

export default function DesktopOnly({ children }: { children: ReactNode }): ReactNode {
  // Decided once, at mount: only an element born in the first hydration on a small screen is skipped.
  const [skip] = useState(() => inFirstHydration() && window.innerWidth <= DESKTOP_BREAKPOINT);
  return skip ? <div suppressHydrationWarning dangerouslySetInnerHTML={KEEP} /> : children;
}
