/**
 * Docusaurus's mobile navbar menu (@docusaurus/theme-classic 3.10), with its
 * menus rendered the first time the reader opens it rather than as soon as the
 * page has loaded on a small screen. Closed, the panel was already a full copy
 * of the navbar and docs sidebar (some 180 elements on a reference page) that
 * the browser built during the page's load, whose links then prefetched their
 * pages. The panel itself (header included) is there from the start, so it
 * still slides in on the first open; once opened, the menus stay rendered.
 */
import React, { useState, type ReactNode } from 'react';
import { useLockBodyScroll, useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import NavbarMobileSidebarLayout from '@theme/Navbar/MobileSidebar/Layout';
import NavbarMobileSidebarHeader from '@theme/Navbar/MobileSidebar/Header';
import NavbarMobileSidebarPrimaryMenu from '@theme/Navbar/MobileSidebar/PrimaryMenu';
import NavbarMobileSidebarSecondaryMenu from '@theme/Navbar/MobileSidebar/SecondaryMenu';

export default function NavbarMobileSidebar(): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  useLockBodyScroll(mobileSidebar.shown);
  const [opened, setOpened] = useState(false);
  // Set during render (React's pattern for state derived from props): the menus render in the same pass that opens the panel.
  if (mobileSidebar.shown && !opened) setOpened(true);
  if (!mobileSidebar.shouldRender) return null;
  return (
    <NavbarMobileSidebarLayout
      header={<NavbarMobileSidebarHeader />}
      primaryMenu={opened ? <NavbarMobileSidebarPrimaryMenu /> : null}
      secondaryMenu={opened ? <NavbarMobileSidebarSecondaryMenu /> : null}
    />
  );
}
