/**
 * Docusaurus's docs sidebar for small screens (@docusaurus/theme-classic 3.10),
 * which hands the sidebar to the navbar's menu (NavbarSecondaryMenuFiller),
 * with two changes:
 *
 * - The hand-over happens once the page is idle, or when the menu first
 *   opens, instead of right after hydration. The menu itself renders when first
 *   opened (../../Navbar/MobileSidebar).
 * - The filler gets one prop instead of the sidebar's four. It shallow-compares
 *   its props after sorting their names with `localeCompare`, and the page's
 *   first `localeCompare` builds the browser's collator (7 to 20 ms of one
 *   task); one name needs no comparison.
 */
import React, { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import { NavbarSecondaryMenuFiller, ThemeClassNames } from '@docusaurus/theme-common';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import DocSidebarItems from '@theme/DocSidebarItems';
import type { Props } from '@theme/DocSidebar/Mobile';

type Menu = Pick<Props, 'sidebar' | 'path'>;

function DocSidebarMobileSecondaryMenu({ menu }: { menu: Menu }): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  return (
    <ul className={clsx(ThemeClassNames.docs.docSidebarMenu, 'menu__list')}>
      <DocSidebarItems
        items={menu.sidebar}
        activePath={menu.path}
        onItemClick={(item) => {
          // The menu closes on a link, and on a category only when the category is a link itself.
          if (item.type === 'link' || (item.type === 'category' && item.href)) mobileSidebar.toggle();
        }}
        level={1}
      />
    </ul>
  );
}

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

function DocSidebarMobile({ sidebar, path }: Props): ReactNode {
  const idle = useIdle();
  const { shown } = useNavbarMobileSidebar();
  const [ready, setReady] = useState(false);
  // Once handed over, it stays (set during render: React's pattern for state that follows other state).
  if ((idle || shown) && !ready) setReady(true);
  const props = useMemo(() => ({ menu: { sidebar, path } }), [sidebar, path]);
  return ready ? <NavbarSecondaryMenuFiller component={DocSidebarMobileSecondaryMenu} props={props} /> : null;
}

export default memo(DocSidebarMobile);
