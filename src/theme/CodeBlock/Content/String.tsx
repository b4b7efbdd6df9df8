/**
 * Docusaurus's code block for a string of code (ejected from
 * @docusaurus/theme-classic 3.10), with two changes:
 * - its word-wrap state comes from ./useWordWrap (same contract, no
 *   `localeCompare`, see there);
 * - its metadata (lines, language, title) is computed once, not again at each
 *   render: every block renders a second time right after the page loads, when
 *   it learns whether its code scrolls sideways and its buttons appear.
 */
import React, { useMemo, type ReactNode } from 'react';
import { useThemeConfig } from '@docusaurus/theme-common';
import { CodeBlockContextProvider, createCodeBlockMetadata } from '@docusaurus/theme-common/internal';
import CodeBlockLayout from '@theme/CodeBlock/Layout';
import type { Props } from '@theme/CodeBlock/Content/String';
import { useWordWrap } from './useWordWrap';

export default function CodeBlockString({ children, className, metastring, language, title, showLineNumbers }: Props): ReactNode {
  const { prism } = useThemeConfig();
  const metadata = useMemo(
    () =>
      createCodeBlockMetadata({
        code: children,
        className,
        metastring,
        magicComments: prism.magicComments,
        defaultLanguage: prism.defaultLanguage,
        language,
        title,
        showLineNumbers,
      }),
    [children, className, metastring, prism.magicComments, prism.defaultLanguage, language, title, showLineNumbers],
  );
  const wordWrap = useWordWrap();
  return (
    <CodeBlockContextProvider metadata={metadata} wordWrap={wordWrap}>
      <CodeBlockLayout />
    </CodeBlockContextProvider>
  );
}
