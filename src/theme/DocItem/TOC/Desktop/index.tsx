/**
 * Docusaurus's desktop table of contents, not hydrated on a small screen, where
 * it is hidden and removed right after the page loads (src/components/DesktopOnly).
 */
import React, { type ReactNode } from 'react';
import DocItemTOCDesktop from '@theme-original/DocItem/TOC/Desktop';
import DesktopOnly from '@site/src/components/DesktopOnly';

export default function DocItemTOCDesktopWrapper(): ReactNode {
  return (
    <DesktopOnly>
      <DocItemTOCDesktop />
    </DesktopOnly>
  );
}
