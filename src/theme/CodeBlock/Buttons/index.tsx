/**
 * Docusaurus's code block buttons, word wrap and copy (ejected from
 * @docusaurus/theme-classic 3.10), rendered once their block comes near the
 * screen (./useNearViewport) instead of for every block right after the page
 * has loaded: on POST /messages/send that was 14 button groups, some 200
 * elements, inserted in one task although most blocks are screens away. As in
 * Docusaurus they are not in the server's HTML (they need JavaScript), and they
 * are there before the reader can reach them: a block within a phone screen's
 * height gets them, and focusing its code scrolls it into view.
 */
import React, { useRef, type ReactNode } from 'react';
import clsx from 'clsx';
import CopyButton from '@theme/CodeBlock/Buttons/CopyButton';
import WordWrapButton from '@theme/CodeBlock/Buttons/WordWrapButton';
import type { Props } from '@theme/CodeBlock/Buttons';
import { useNearViewport } from './useNearViewport';
import styles from './styles.module.css';

export default function CodeBlockButtons({ className }: Props): ReactNode {
  // An empty marker in the block (server HTML too) tells where the block is until the buttons replace it.
  const marker = useRef<HTMLSpanElement>(null);
  const near = useNearViewport(marker, (element) => element.parentElement);
  if (!near) return <span ref={marker} hidden />;
  return (
    <div className={clsx(className, styles.buttonGroup)}>
      <WordWrapButton />
      <CopyButton />
    </div>
  );
}
