/**
 * Docusaurus's CodeBlock content (ejected from @docusaurus/theme-classic 3.10),
 * changed in two ways:
 * - tokens carry class names only; their colours are CSS (plugins/prism-css);
 * - the `<pre>` keeps its server HTML when the page first loads
 *   (KeepServerHtml), so the browser neither tokenizes nor hydrates the code:
 *   the copy and word-wrap buttons still work, as they read the code from the
 *   block's context and the DOM.
 * After a client-side navigation the block renders normally.
 */
import React, { type ComponentProps, type ReactNode } from 'react';
import clsx from 'clsx';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import { Highlight } from 'prism-react-renderer';
import type { Props } from '@theme/CodeBlock/Content';
import Line from '@theme/CodeBlock/Line';
import KeepServerHtml from '@site/src/components/KeepServerHtml';
import { CLASS_ONLY_THEME } from '@site/src/lib/highlight/prismCss';

import styles from './styles.module.css';

function Code(props: ComponentProps<'code'>) {
  const { metadata } = useCodeBlockContext();
  return (
    <code
      {...props}
      className={clsx(props.className, styles.codeBlockLines, metadata.lineNumbersStart !== undefined && styles.codeBlockLinesWithNumbering)}
      style={{
        ...props.style,
        counterReset: metadata.lineNumbersStart === undefined ? undefined : `line-count ${metadata.lineNumbersStart - 1}`,
      }}
    />
  );
}

export default function CodeBlockContent({ className: classNameProp }: Props): ReactNode {
  const { metadata, wordWrap } = useCodeBlockContext();
  const { code, language, lineNumbersStart, lineClassNames } = metadata;
  return (
    <KeepServerHtml
      as="pre"
      ref={wordWrap.codeBlockRef}
      tabIndex={0}
      className={clsx(classNameProp, `prism-code language-${language}`, styles.codeBlock, 'thin-scrollbar')}
    >
      <Highlight theme={CLASS_ONLY_THEME} code={code} language={language}>
        {({ tokens: lines, getLineProps, getTokenProps }) => (
          <Code>
            {lines.map((line, i) => (
              <Line
                key={i}
                line={line}
                getLineProps={getLineProps}
                getTokenProps={getTokenProps}
                classNames={lineClassNames[i]}
                showLineNumbers={lineNumbersStart !== undefined}
              />
            ))}
          </Code>
        )}
      </Highlight>
    </KeepServerHtml>
  );
}
