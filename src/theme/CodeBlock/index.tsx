/**
 * Docusaurus's CodeBlock (ejected from @docusaurus/theme-classic 3.10) without
 * its remount after hydration. The original renders every code block a second
 * time once the page has loaded (`key={String(isBrowser)}`), because its
 * colours were inline styles that the server could only write for the light
 * theme. Here the colours come from CSS (plugins/prism-css), so the server's
 * HTML is right in both modes and the block is rendered once.
 */
import React, { isValidElement, type ReactNode } from 'react';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import type { Props } from '@theme/CodeBlock';

/** Makes the children a plain string when they are only strings, so the block can be copied. */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((el) => isValidElement(el))) {
    return children;
  }
  return Array.isArray(children) ? children.join('') : (children as string);
}

export default function CodeBlock({ children: rawChildren, ...props }: Props): ReactNode {
  const children = maybeStringifyChildren(rawChildren);
  const CodeBlockComp = typeof children === 'string' ? StringContent : ElementContent;
  return <CodeBlockComp {...props}>{children as string}</CodeBlockComp>;
}
