/**
 * Docusaurus's CodeBlock container (ejected from @docusaurus/theme-classic
 * 3.10) without the inline `--prism-*` variables: they are set per colour mode
 * by the stylesheet of plugins/prism-css, so the server's HTML does not depend
 * on the reader's mode.
 */
import React, { type ComponentProps, type ReactNode } from 'react';
import clsx from 'clsx';
import { ThemeClassNames } from '@docusaurus/theme-common';
import styles from './styles.module.css';

export default function CodeBlockContainer<T extends 'div' | 'pre'>({ as: As, ...props }: { as: T } & ComponentProps<T>): ReactNode {
  const Element = As as 'div';
  return (
    <Element
      {...(props as ComponentProps<'div'>)}
      className={clsx(props.className, styles.codeBlockContainer, ThemeClassNames.common.codeBlock)}
    />
  );
}
