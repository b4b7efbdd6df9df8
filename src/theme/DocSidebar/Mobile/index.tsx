/**
 * Docusaurus's docs sidebar for small screens, which hands the sidebar to the
 * navbar's menu (NavbarSecondaryMenuFiller), handed over once the page is idle
 * (or when the menu opens first) instead of right after hydration. The hand-over
 * shallow-compares its props with `localeCompare`, and the page's first
 * `localeCompare` builds the browser's collator (10 to 20 ms): that cost now
 * falls in an idle moment, not in the page's load. The menu itself renders when
 * first opened (../../Navbar/MobileSidebar).
 */
import React, { useEffect, useState, type ReactNode } from 'react';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import DocSidebarMobile from '@theme-original/DocSidebar/Mobile';
import type DocSidebarMobileType from '@theme/DocSidebar/Mobile';
import type { WrapperProps } from '@docusaurus/types';

type Props = WrapperProps<typeof DocSidebarMobileType>;

/** True once the browser has been idle since mount (a short timeout where requestIdleCallback is missing). */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setIdle(true), { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = window.setTimeout(() => setIdle(true), 200);
    return () => window.clearTimeout(timer);
  }, []);
  return idle;
}

export default function DocSidebarMobileWrapper(props: Props): ReactNode {
  const idle = useIdle();
  const { shown } = useNavbarMobileSidebar();
  const [ready, setReady] = useState(false);
  // Once handed over, it stays (set during render: React's pattern for state that follows other state).
  if ((idle || shown) && !ready) setReady(true);
  return ready ? <DocSidebarMobile {...props} /> : null;
}
