/**
 * <IntentLink to="/api/pagination">: a link to a page of this site that the
 * app's router opens (no page reload), like Docusaurus's <Link>, but that loads
 * the page's code only when the reader shows intent: the pointer over it or a
 * touch (loaded at once, as Docusaurus's <Link> does on hover) or keyboard focus
 * (downloaded only, as a tab through many links should not run them all).
 *
 * Docusaurus's <Link> also prefetches every link as soon as it is on screen: a
 * sidebar of twenty links cost the page's load some twenty route prefetches and
 * four hundred `<link rel="prefetch">` elements. Lists of many links (the docs
 * sidebar) use this one instead. `to` is a path of the site; the base URL is
 * added unless it is there already, and the build's broken-link check sees the
 * link, as for <Link> (the site uses the browser router, not the hash router).
 */
import React, { type ComponentProps, type FocusEvent, type MouseEvent, type ReactNode, type TouchEvent } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import { isClientNavigationClick } from '@site/src/lib/navigation/clientNavigation';
import { useOpenInApp } from './useOpenInApp';

type Props = Omit<ComponentProps<'a'>, 'href'> & { to: string };

export default function IntentLink({ to: path, onClick, onMouseEnter, onTouchStart, onFocus, ...rest }: Props): ReactNode {
  const to = useBaseUrl(path);
  const open = useOpenInApp();
  useBrokenLinks().collectLink(to);
  const preload = () => void window.docusaurus.preload(to);
  return (
    <a
      {...rest}
      href={to}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        if (!isClientNavigationClick(event, rest.target)) return;
        event.preventDefault();
        open(to);
      }}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        onMouseEnter?.(event);
        preload();
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        onTouchStart?.(event);
        preload();
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        onFocus?.(event);
        void window.docusaurus.prefetch(to);
      }}
    />
  );
}
